package dev.pagewalk.http;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The limits link: sends one hop through the {@link Transport} under the call's deadline, decodes
 * the body ({@link Decompression}), caps and keeps its decoded bytes ({@link CapturingInputStream})
 * and, for a final response the parser wants, parses it as it arrives. The transport's response is
 * always closed here; one whose body was not read to its end is thereby aborted.
 */
final class BoundedHop {
  private BoundedHop() {}

  /** One hop's outcome: the response read in full, and what the parser made of it. */
  record Outcome(HttpResponse response, Object value, boolean parsed) {}

  static Outcome send(
      Transport transport,
      HttpRequest request,
      RequestLimits limits,
      DeadlineGuard guard,
      StreamParser parser)
      throws IOException {
    guard.check();
    Transport.Response response = null;
    try {
      response = transport.send(request, guard.exchange(limits.network()));
      int status = response.status();
      Headers raw = response.headers();
      List<String> codings = Decompression.codings(raw);
      Headers headers = codings.isEmpty() ? raw : Decompression.decoded(raw);
      InputStream body = response.body();
      CapturingInputStream in =
          CapturingInputStream.open(
              codings.isEmpty() ? body : Decompression.decode(body, codings),
              codings.isEmpty() && hasBody(request, status) ? contentLength(raw) : -1,
              limits.maxBodyBytes(),
              guard);
      Object value = null;
      boolean parsed = false;
      if (parser != null && !Redirects.followed(status, headers) && parser.wants(status, headers)) {
        try {
          value = parser.parse(in);
          parsed = true;
        } catch (IOException | RuntimeException e) {
          if (in.failure() != null) {
            throw in.failure();
          }
          // not the connection: the caller parses the complete body again and reports it
        }
      }
      byte[] bytes = in.finish();
      HttpResponse full =
          new HttpResponse(status, response.reason(), headers, bytes, request.uri());
      return new Outcome(full, value, parsed);
    } catch (IOException e) {
      if (e instanceof ResponseTooLargeException
          || e instanceof DeadlineExceededException
          || e instanceof ForbiddenAddressException) {
        throw e;
      }
      throw guard.expired() ? guard.exceeded(e) : e;
    } finally {
      if (response != null) {
        closeQuietly(response);
      }
    }
  }

  /** False when the Content-Length describes a body that is not sent (RFC 9110 6.4.1). */
  private static boolean hasBody(HttpRequest request, int status) {
    return !request.method().equalsIgnoreCase("HEAD")
        && status >= 200
        && status != 204
        && status != 304;
  }

  private static long contentLength(Headers headers) {
    String value = headers.first("Content-Length").orElse(null);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void closeQuietly(Transport.Response response) {
    try {
      response.close();
    } catch (IOException | RuntimeException ignored) {
      // the exchange was aborted or its connection is already gone
    }
  }
}
