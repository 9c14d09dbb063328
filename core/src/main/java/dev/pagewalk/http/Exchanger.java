package dev.pagewalk.http;

import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The engine's one entry below retry: sends a request through the core links — redirects, then for
 * every hop the network guard ({@link NetworkGuard}) and the limits ({@link BoundedHop}: deadline,
 * decompression, body cap, parsing as the body arrives) — and only then the {@link Transport},
 * which sees one hop at a time. The guards live here, so a transport cannot switch them off.
 *
 * <p>Redirects (301, 302, 303, 307, 308 with a Location) are followed up to {@link
 * RequestLimits#maxRedirects()} hops (0: any redirect fails), a hop back to a request already sent
 * is a loop, and a hop that leaves the origin goes without credentials and body ({@link
 * Redirects}). {@link RequestLimits#deadline()} bounds the whole call, redirects included: at the
 * deadline the exchange in flight is aborted by this object's single daemon timer thread, and the
 * body is checked against the clock between reads.
 *
 * <p>Thread-safe; one instance serves every run of a runner. {@link #close()} stops the timer
 * thread; the transport is its owner's to close.
 */
public final class Exchanger implements AutoCloseable {
  private final Transport transport;
  private final long maxBodyBytes;
  private final ScheduledThreadPoolExecutor scheduler;
  private final DeadlineWatch deadlines;

  /** Over {@code transport}, with no cap of its own beyond each request's. */
  public Exchanger(Transport transport) {
    this(transport, Long.MAX_VALUE);
  }

  /**
   * Over {@code transport}; no response body may exceed {@code maxBodyBytes}, whatever a request's
   * limits say.
   */
  public Exchanger(Transport transport, long maxBodyBytes) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.maxBodyBytes = maxBodyBytes;
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "pagewalk-http-deadline");
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    this.deadlines = new DeadlineWatch(scheduler);
  }

  /** Sends the request and reads its final response whole. */
  public HttpResponse send(HttpRequest request, RequestLimits limits) throws IOException {
    return send(request, limits, null).response();
  }

  /**
   * Sends the request and, when {@code parser} (may be null) wants the final response, parses its
   * body as it arrives; the complete body is kept either way.
   */
  public Parsed send(HttpRequest request, RequestLimits requested, StreamParser parser)
      throws IOException {
    RequestLimits limits =
        requested.maxBodyBytes() > maxBodyBytes
            ? requested.withMaxBodyBytes(maxBodyBytes)
            : requested;
    try (DeadlineGuard guard = DeadlineGuard.start(limits.deadline(), deadlines)) {
      refuseUserInfo(request.uri());
      HttpRequest current = Decompression.offer(request);
      List<URI> chain = new ArrayList<>(List.of(request.uri()));
      Set<String> visited = new HashSet<>(Set.of(request.method() + " " + request.uri()));
      while (true) {
        NetworkGuard.check(current.uri(), limits.network());
        BoundedHop.Outcome hop = BoundedHop.send(transport, current, limits, guard, parser);
        HttpResponse response = hop.response();
        if (!Redirects.followed(response.status(), response.headers())) {
          return new Parsed(response, hop.value(), hop.parsed());
        }
        URI next =
            Redirects.resolve(current.uri(), response.headers().first("Location").orElseThrow());
        chain.add(next);
        if (chain.size() - 1 > limits.maxRedirects()) {
          throw new TooManyRedirectsException(
              "too many redirects (limit "
                  + limits.maxRedirects()
                  + "): "
                  + describe(request, chain));
        }
        current = Redirects.follow(current, response.status(), next, limits);
        if (!visited.add(current.method() + " " + next)) {
          throw new TooManyRedirectsException("redirect loop: " + describe(request, chain));
        }
      }
    }
  }

  private static void refuseUserInfo(URI uri) throws ForbiddenAddressException {
    if (uri.getRawUserInfo() != null) {
      throw new ForbiddenAddressException(
          "request to "
              + uri.getScheme()
              + "://"
              + uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1)
              + " refused: its URL carries credentials (user-info)");
    }
  }

  private static String describe(HttpRequest request, List<URI> chain) {
    return request.method()
        + " "
        + chain.stream()
            .map(u -> Redaction.redactUri(u, Set.of(), Set.of()))
            .collect(Collectors.joining(" -> "));
  }

  /** Stops the deadline timer thread (requests in flight lose their hard deadline). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
