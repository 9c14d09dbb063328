package dev.pagewalk.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code multipart/form-data} (RFC 7578) for a map of fields. A field whose value is a map with a
 * {@code value} key is a file part: {@code {value, filename, contentType}} (contentType defaults to
 * {@code application/octet-stream}; value is a String, sent as UTF-8, or a byte[]). Any other value
 * is a text part; a list value repeats the field; null values are omitted.
 */
final class MultipartEncoder {
  private static final SecureRandom RANDOM = new SecureRandom();

  private MultipartEncoder() {}

  static String newBoundary() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "pagewalk-" + HexFormat.of().formatHex(bytes);
  }

  static EncodedBody encode(Map<?, ?> fields, Function<Object, String> text, String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      String name = String.valueOf(field.getKey());
      for (Object value : BodyEncoder.values(field.getValue())) {
        write(out, "--" + boundary + "\r\n");
        if (value instanceof Map<?, ?> file && file.containsKey("value")) {
          Object filename = file.get("filename");
          Object type = file.get("contentType");
          write(
              out,
              "Content-Disposition: form-data; name=\""
                  + quote(name)
                  + "\""
                  + (filename == null ? "" : "; filename=\"" + quote(text.apply(filename)) + "\"")
                  + "\r\n");
          write(
              out,
              "Content-Type: "
                  + (type == null ? "application/octet-stream" : text.apply(type))
                  + "\r\n\r\n");
          Object content = file.get("value");
          out.writeBytes(
              content instanceof byte[] b
                  ? b
                  : content == null
                      ? new byte[0]
                      : text.apply(content).getBytes(StandardCharsets.UTF_8));
        } else {
          write(out, "Content-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n");
          write(out, text.apply(value));
        }
        write(out, "\r\n");
      }
    }
    write(out, "--" + boundary + "--\r\n");
    return new EncodedBody(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  /** RFC 7578 4.2: quote, CR and LF percent-encoded inside the quoted name. */
  private static String quote(String s) {
    return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
