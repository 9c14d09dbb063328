package dev.pagewalk.bench;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pagewalk's transport for {@code --in-memory}: asks the {@link PageServer} to render the page in
 * this thread, with no socket. What is left to measure is the engine itself — decoding,
 * expressions, de-duplication, bookkeeping — against the baseline doing the same without HTTP.
 */
final class MemoryTransport implements Transport {
  private final PageServer server;

  MemoryTransport(PageServer server) {
    this.server = server;
  }

  @Override
  public Response send(HttpRequest request, Exchange exchange) throws IOException {
    String host = request.uri().getHost() + ":" + request.uri().getPort();
    PageServer.Response r =
        server.render(request.uri().getRawPath(), request.uri().getRawQuery(), host);
    List<Map.Entry<String, String>> headers = new ArrayList<>(2);
    headers.add(Map.entry("Content-Type", "application/json"));
    headers.add(Map.entry("Content-Length", Integer.toString(r.length())));
    if (r.link() != null) {
      headers.add(Map.entry("Link", r.link()));
    }
    // read (and copied) by the engine before this thread renders again, which reuses the buffer
    return Response.of(
        r.status(), "", Headers.of(headers), new ByteArrayInputStream(r.body(), 0, r.length()));
  }
}
