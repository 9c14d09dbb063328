package dev.pagewalk.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading a Content-Type value: its media type and its charset. */
final class ContentTypes {
  private ContentTypes() {}

  static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  static boolean isJson(String contentType) {
    String media = mediaType(contentType);
    return media.equals("application/json") || media.endsWith("+json");
  }

  /** The charset parameter, or UTF-8 when absent or unknown. */
  static Charset charset(String contentType) {
    for (String param : contentType.split(";")) {
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String name = param.substring(eq + 1).trim().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
