package dev.pagewalk.conformance;

/**
 * One request the mock API received: method, path with query, body (empty for none), the status it
 * answered and whether a stub mapping matched it.
 */
public record ServedRequest(String method, String url, String body, int status, boolean matched) {

  /**
   * True for an OAuth2 token request (a POST whose form names a {@code grant_type}): the auth block
   * sends those, and they are not requests of the run.
   */
  public boolean tokenRequest() {
    return method.equals("POST") && body != null && body.matches("(?s)(.*&)?grant_type=.*");
  }

  /** {@code GET /v1/items?page=2}, with a POST body appended when there is one. */
  public String describe() {
    String line = method + " " + url;
    if (body != null && !body.isBlank()) {
      String b = body.strip().replaceAll("\\s+", " ");
      line += "  body " + (b.length() > 120 ? b.substring(0, 117) + "..." : b);
    }
    return line;
  }
}
