package dev.pagewalk.bench;

import dev.pagewalk.http.Headers;
import dev.pagewalk.http.HttpRequest;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.http.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * pagewalk's transport for {@code --in-memory}: asks the {@link PageServer} to render the page
 * in this thread, with no socket. What is left to measure is the engine itself — decoding,
 * expressions, de-duplication, bookkeeping — against the baseline doing the same without HTTP.
 */
final class MemoryTransport implements Transport {
  private final PageServer server;

  MemoryTransport(PageServer server) {
    this.server = server;
  }

  @Override
  public HttpResponse send(HttpRequest request, RequestLimits limits) throws IOException {
    String host = request.uri().getHost() + ":" + request.uri().getPort();
    PageServer.Response r = server.render(request.uri().getRawPath(), request.uri().getRawQuery(), host);
    List<Map.Entry<String, String>> headers = new ArrayList<>(2);
    headers.add(Map.entry("Content-Type", "application/json"));
    if (r.link() != null) {
      headers.add(Map.entry("Link", r.link()));
    }
    // a copy, as a transport reading a socket would produce: the render buffer is reused
    return new HttpResponse(r.status(), "", Headers.of(headers), Arrays.copyOf(r.body(), r.length()), request.uri());
  }
}
