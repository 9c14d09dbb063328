package dev.pagewalk.http;

/**
 * A response and, when a {@link StreamParser} parsed it as it arrived ({@code parsed}), the value
 * it produced (which may be null, for {@code null} or a blank body).
 */
public record Parsed(HttpResponse response, Object value, boolean parsed) {
  /** A response that was not parsed on arrival. */
  public static Parsed unparsed(HttpResponse response) {
    return new Parsed(response, null, false);
  }
}
