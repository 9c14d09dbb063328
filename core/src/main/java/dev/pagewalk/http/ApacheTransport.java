package dev.pagewalk.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@link Transport} over Apache HttpClient 5 (classic, pooled connections).
 *
 * <p>HttpClient's own retries, redirects and cookie handling are off: the engine retries, and
 * this class follows redirects itself so that each hop is bounded and credentials (see {@link
 * TransportConfig#credentialHeaders()}) never follow a redirect to another origin. gzip and
 * deflate bodies are decompressed; the size cap applies to the decompressed bytes.
 *
 * <p>{@link RequestLimits#deadline()} is a hard deadline for the whole call, redirects
 * included: at the deadline the exchange in flight is cancelled (its connection closed) by the
 * transport's single daemon timer thread, so neither a silent nor a dribbling server can hold a
 * caller longer. {@link RequestLimits#maxRedirects()} bounds the hops; with 0 any redirect fails.
 *
 * <p>{@link RequestLimits#network()} is enforced on every hop, redirects and next-page URLs
 * alike. Design: the policy is per spec but the transport is shared, so each distinct policy
 * gets its own HttpClient and connection pool whose {@link GuardedDnsResolver} is bound to that
 * policy. A connection is therefore only ever opened — and only ever reused — under the policy
 * whose resolver checked its address: an unrestricted run cannot leave a pooled connection to
 * an internal host that a restricted run would then reuse, and no thread-local state has to
 * travel with the request. Before each hop the host name (and an IP literal's address) is also
 * checked up front, so a refusal names the hop. Unrestricted requests use the default client.
 *
 * <p>Thread-safe; one instance is meant to be shared by concurrent runs. {@link #close()}
 * closes the pools and the timer thread.
 */
public final class ApacheTransport implements Transport {
  private static final Set<String> NOT_FORWARDED = Set.of("content-length", "transfer-encoding");

  private final TransportConfig config;
  private final CloseableHttpClient client;
  private final Map<NetworkPolicy, CloseableHttpClient> guarded = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private final ScheduledThreadPoolExecutor scheduler;
  private final DeadlineWatch deadlines;

  public ApacheTransport(TransportConfig config) {
    this.config = config;
    this.client = HttpClientFactory.create(config);
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "pagewalk-http-deadline");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    this.deadlines = new DeadlineWatch(scheduler);
  }

  /** A transport with {@link TransportConfig#defaults()}. */
  public ApacheTransport() {
    this(TransportConfig.defaults());
  }

  public TransportConfig config() {
    return config;
  }

  @Override
  public HttpResponse send(HttpRequest request, RequestLimits limits) throws IOException {
    return send(request, limits, null).response();
  }

  @Override
  public Parsed send(HttpRequest request, RequestLimits limits, StreamParser parser) throws IOException {
    try (DeadlineGuard guard = DeadlineGuard.start(limits.deadline(), deadlines)) {
      HttpRequest current = request;
      List<URI> chain = new ArrayList<>(List.of(request.uri()));
      Set<String> visited = new HashSet<>(Set.of(request.method() + " " + request.uri()));
      while (true) {
        Exchange exchange = exchange(current, limits, guard, parser);
        if (!Redirects.isRedirect(exchange.response.status()) || exchange.location == null) {
          return new Parsed(exchange.response, exchange.value, exchange.parsed);
        }
        URI next = Redirects.resolve(current.uri(), exchange.location);
        chain.add(next);
        if (chain.size() - 1 > limits.maxRedirects()) {
          throw new TooManyRedirectsException(
              "too many redirects (limit " + limits.maxRedirects() + "): " + describe(request, chain));
        }
        Set<String> credentials = new HashSet<>(config.credentialHeaders());
        credentials.addAll(limits.credentialHeaders());
        current = Redirects.follow(current, exchange.response.status(), next, credentials);
        if (!visited.add(current.method() + " " + next)) {
          throw new TooManyRedirectsException("redirect loop: " + describe(request, chain));
        }
      }
    }
  }

  private record Exchange(HttpResponse response, String location, Object value, boolean parsed) {}

  private Exchange exchange(HttpRequest request, RequestLimits limits, DeadlineGuard guard, StreamParser parser)
      throws IOException {
    CloseableHttpClient http = clientFor(request.uri(), limits.network());
    HttpUriRequestBase req = toApache(request);
    guard.watch(req);
    ClassicHttpResponse resp = null;
    try {
      resp = http.executeOpen(null, req, HttpClientContext.create());
      Header location = resp.getFirstHeader("Location");
      Headers headers = headers(resp.getHeaders());
      boolean last = !Redirects.isRedirect(resp.getCode()) || location == null;
      Object value = null;
      boolean parsed = false;
      byte[] body = new byte[0];
      if (resp.getEntity() != null) {
        CapturingInputStream in = CapturingInputStream.open(resp.getEntity(), limits.maxBodyBytes(), guard);
        if (parser != null && last && parser.wants(resp.getCode(), headers)) {
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
        body = in.finish();
      }
      HttpResponse response = new HttpResponse(resp.getCode(), resp.getReasonPhrase(), headers, body, request.uri());
      return new Exchange(response, location == null ? null : location.getValue(), value, parsed);
    } catch (MessageConstraintException e) {
      req.cancel();
      throw HttpClientFactory.headTooLarge(e, resp != null);
    } catch (IOException e) {
      req.cancel();
      if (e instanceof ResponseTooLargeException || e instanceof DeadlineExceededException) {
        throw e;
      }
      throw guard.expired() ? guard.exceeded(e) : e;
    } finally {
      if (resp != null) {
        closeQuietly(resp);
      }
    }
  }

  /**
   * The client for a hop under {@code policy}: checks the host name (and an IP literal) first,
   * then returns the policy's own client, whose resolver checks every address it connects to.
   */
  private CloseableHttpClient clientFor(URI uri, NetworkPolicy policy) throws IOException {
    if (policy.unrestricted()) {
      return client;
    }
    String host = uri.getHost();
    if (host == null) {
      throw new ForbiddenAddressException("request to " + uri.getScheme() + ":// without a host");
    }
    policy.checkHost(host);
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (isIpLiteral(bare)) {
      policy.checkAddress(host, InetAddress.getByName(bare));
    }
    if (closed) {
      throw new IOException("transport closed");
    }
    return guarded.computeIfAbsent(
        policy, p -> HttpClientFactory.create(config, new GuardedDnsResolver(p)));
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }

  private static HttpUriRequestBase toApache(HttpRequest request) {
    HttpUriRequestBase req = new HttpUriRequestBase(request.method(), request.uri());
    for (Map.Entry<String, String> f : request.headers().fields()) {
      if (!NOT_FORWARDED.contains(f.getKey().toLowerCase(Locale.ROOT))) {
        req.addHeader(f.getKey(), f.getValue());
      }
    }
    if (request.body() != null) {
      req.setEntity(new ByteArrayEntity(request.body(), null));
    }
    return req;
  }

  private static Headers headers(Header[] fields) {
    List<Map.Entry<String, String>> list = new ArrayList<>(fields.length);
    for (Header h : fields) {
      list.add(Map.entry(h.getName(), h.getValue() == null ? "" : h.getValue()));
    }
    return Headers.of(list);
  }

  private static String describe(HttpRequest request, List<URI> chain) {
    return request.method() + " " + chain.stream()
        .map(u -> Redaction.redactUri(u, Set.of(), Set.of()))
        .collect(Collectors.joining(" -> "));
  }

  private static void closeQuietly(ClassicHttpResponse resp) {
    try {
      resp.close();
    } catch (IOException | RuntimeException ignored) {
      // the exchange was cancelled or the connection is already gone
    }
  }

  /** Closes the connection pool and the deadline timer thread. */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close(CloseMode.GRACEFUL);
    guarded.values().forEach(c -> c.close(CloseMode.GRACEFUL));
    guarded.clear();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
