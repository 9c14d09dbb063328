package dev.pagewalk.http;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The engine's content decoding: every request offers gzip and deflate, and a body that comes back
 * so encoded is decoded here, under the size cap (which counts decoded bytes), whatever the
 * transport. "deflate" is read both as RFC 1950 zlib data, as the standard says, and as the raw
 * deflate data some servers send. An encoding not offered is a {@link ProtocolException}.
 */
final class Decompression {
  /** What every request offers when it names no Accept-Encoding of its own. */
  static final String ACCEPT_ENCODING = "gzip, x-gzip, deflate";

  /** Headers that describe the encoded bytes and no longer hold once they are decoded. */
  private static final Set<String> ENCODED_ONLY =
      Set.of("Content-Encoding", "Content-Length", "Content-MD5");

  private Decompression() {}

  /** The request as sent: with Accept-Encoding when it has none. */
  static HttpRequest offer(HttpRequest request) {
    if (request.headers().first("Accept-Encoding").isPresent()) {
      return request;
    }
    List<java.util.Map.Entry<String, String>> fields = new ArrayList<>(request.headers().fields());
    fields.add(java.util.Map.entry("Accept-Encoding", ACCEPT_ENCODING));
    return new HttpRequest(request.method(), request.uri(), Headers.of(fields), request.body());
  }

  /** The content codings applied to a body, outermost last; empty for none (or identity). */
  static List<String> codings(Headers headers) {
    List<String> out = new ArrayList<>();
    for (String value : headers.all("Content-Encoding")) {
      for (String token : value.split(",")) {
        String coding = token.trim().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty() && !coding.equals("identity")) {
          out.add(coding);
        }
      }
    }
    return out;
  }

  /** The headers that describe the decoded body. */
  static Headers decoded(Headers headers) {
    return headers.without(ENCODED_ONLY);
  }

  /** {@code body} decoded through {@code codings} (last applied, first undone). */
  static InputStream decode(InputStream body, List<String> codings) throws ProtocolException {
    InputStream in = body;
    for (int i = codings.size() - 1; i >= 0; i--) {
      String coding = codings.get(i);
      in =
          switch (coding) {
            case "gzip", "x-gzip" -> new Lazy(in, Decompression::gzip);
            case "deflate" -> new Lazy(in, Decompression::deflate);
            default -> throw new ProtocolException("unsupported Content-Encoding: " + coding);
          };
    }
    return in;
  }

  private static InputStream gzip(PushbackInputStream in) throws IOException {
    return new GZIPInputStream(in, 8192);
  }

  private static InputStream deflate(PushbackInputStream in) throws IOException {
    int first = in.read();
    int second = in.read();
    if (second >= 0) {
      in.unread(second);
    }
    if (first >= 0) {
      in.unread(first);
    }
    boolean zlib =
        first >= 0 && second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
    return new InflaterInputStream(in, new Inflater(!zlib), 8192);
  }

  private interface Decoder {
    InputStream open(PushbackInputStream in) throws IOException;
  }

  /**
   * A decoder that starts on the first read, so that an empty body (HEAD, 204, a redirect) is empty
   * rather than a broken gzip header.
   */
  private static final class Lazy extends InputStream {
    private final PushbackInputStream raw;
    private final Decoder decoder;
    private InputStream decoded;
    private boolean empty;

    Lazy(InputStream raw, Decoder decoder) {
      this.raw = new PushbackInputStream(raw, 2);
      this.decoder = decoder;
    }

    private InputStream decoded() throws IOException {
      if (decoded == null && !empty) {
        int first = raw.read();
        if (first < 0) {
          empty = true;
          return null;
        }
        raw.unread(first);
        decoded = decoder.open(raw);
      }
      return decoded;
    }

    @Override
    public int read() throws IOException {
      InputStream in = decoded();
      return in == null ? -1 : in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      InputStream in = decoded();
      return in == null ? -1 : in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      raw.close();
    }
  }
}
