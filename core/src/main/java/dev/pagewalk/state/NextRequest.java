package dev.pagewalk.state;

import java.util.List;
import java.util.Map;

/**
 * The request a resumed run sends first: method, URL and body exactly as built, with secret values
 * replaced by placeholders ({@code {{connection.api_key}}}), the headers that carry no credentials,
 * and the names of the credential headers to recompute from the spec on resume. A URL under the
 * sync's base URL is stored relative to it, starting with {@value #BASE_URL}, and resolved against
 * the resumed run's base URL; checkpoints saved before hold absolute URLs.
 */
public record NextRequest(
    String method,
    String url,
    String bodyBase64,
    Map<String, String> headers,
    List<String> recompute) {
  /** The placeholder a relative {@link #url} starts with, standing for the base URL. */
  public static final String BASE_URL = "{{baseUrl}}";

  public NextRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    recompute = recompute == null ? List.of() : List.copyOf(recompute);
  }
}
