package dev.pagewalk.state;

import java.util.List;
import java.util.Map;

/**
 * The request a resumed run sends first: method, URL and body exactly as built, with secret
 * values replaced by placeholders ({@code {{connection.api_key}}}), the headers that carry no
 * credentials, and the names of the credential headers to recompute from the spec on resume.
 */
public record NextRequest(
    String method, String url, String bodyBase64, Map<String, String> headers, List<String> recompute) {
  public NextRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    recompute = recompute == null ? List.of() : List.copyOf(recompute);
  }
}
