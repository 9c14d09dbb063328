package dev.pagewalk.http;

import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.util.Map;

/**
 * The planner's transport: passes every hop to {@code transport} and keeps the {@code Link} header
 * of the latest response, parsed by relation, so the planner's probes can read a page's {@code
 * rel="last"}. The planner probes one walk at a time; not for concurrent use. Closing it leaves
 * {@code transport} open.
 */
public final class LinkTap implements Transport {
  private final Transport transport;
  private Map<String, String> links = Map.of();

  public LinkTap(Transport transport) {
    this.transport = transport;
  }

  @Override
  public Response send(HttpRequest request, Exchange exchange) throws IOException {
    Response response = transport.send(request, exchange);
    links = LinkHeader.parse(response.headers().all("Link"), request.uri());
    return response;
  }

  /** The latest response's links by relation ({@code next}, {@code last}); empty for none. */
  public Map<String, String> latest() {
    return links;
  }
}
