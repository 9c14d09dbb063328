package dev.pagewalk.http;

import dev.pagewalk.spi.BrokenResponseException;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@link Transport} over Apache HttpClient 5 (classic, pooled connections): one hop, bytes
 * only. HttpClient's own retries, redirects, decompression and cookie handling are off (the engine
 * owns those), and HttpClient's exceptions are translated into the JDK's and {@link
 * BrokenResponseException} at this edge ({@link ApacheFailures}).
 *
 * <p>Defence in depth for the network guard, which the engine enforces before calling any
 * transport: each distinct {@link NetworkPolicy} gets its own HttpClient and connection pool whose
 * {@link GuardedDnsResolver} checks every address a connection is opened to, so a DNS answer that
 * changed since the engine's check is refused as well, and a connection opened under one policy is
 * never reused under another. Unrestricted requests use the default client.
 *
 * <p>An exchange registers {@code cancel} with {@link Transport.Exchange#onAbort}: the engine's
 * deadline closes the connection, unblocking a connect or a read. Thread-safe; one instance is
 * meant to be shared by concurrent runs. {@link #close()} closes the pools.
 */
public final class ApacheTransport implements Transport {
  private static final Set<String> NOT_FORWARDED = Set.of("content-length", "transfer-encoding");

  private final TransportConfig config;
  private final CloseableHttpClient client;
  private final Map<NetworkPolicy, CloseableHttpClient> guarded = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public ApacheTransport(TransportConfig config) {
    this.config = config;
    this.client = HttpClientFactory.create(config);
  }

  /** A transport with {@link TransportConfig#defaults()}. */
  public ApacheTransport() {
    this(TransportConfig.defaults());
  }

  public TransportConfig config() {
    return config;
  }

  @Override
  public Response send(HttpRequest request, Exchange exchange) throws IOException {
    CloseableHttpClient http = clientFor(HopExchange.networkOf(exchange));
    HttpUriRequestBase req = toApache(request);
    exchange.onAbort(req::cancel);
    ClassicHttpResponse resp;
    try {
      resp = http.executeOpen(null, req, HttpClientContext.create());
    } catch (IOException e) {
      req.cancel();
      throw ApacheFailures.translate(e, false);
    }
    return new ApacheResponse(req, resp, headers(resp.getHeaders()));
  }

  private CloseableHttpClient clientFor(NetworkPolicy policy) throws IOException {
    if (closed) {
      throw new IOException("transport closed");
    }
    if (policy == null || policy.unrestricted()) {
      return client;
    }
    return guarded.computeIfAbsent(
        policy, p -> HttpClientFactory.create(config, new GuardedDnsResolver(p)));
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

  /** One response; its body stream translates HttpClient's failures and notes its end. */
  private static final class ApacheResponse extends InputStream implements Response {
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final Headers headers;
    private final InputStream content;
    private boolean ended;

    ApacheResponse(HttpUriRequestBase request, ClassicHttpResponse response, Headers headers)
        throws IOException {
      this.request = request;
      this.response = response;
      this.headers = headers;
      InputStream in = null;
      try {
        in = response.getEntity() == null ? null : response.getEntity().getContent();
      } catch (IOException e) {
        request.cancel();
        throw ApacheFailures.translate(e, true);
      }
      this.content = in;
      this.ended = in == null;
    }

    @Override
    public int status() {
      return response.getCode();
    }

    @Override
    public String reason() {
      return response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
    }

    @Override
    public Headers headers() {
      return headers;
    }

    @Override
    public InputStream body() {
      return this;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      try {
        int n = content.read(b, off, len);
        if (n < 0) {
          ended = true;
        }
        return n;
      } catch (IOException e) {
        throw ApacheFailures.translate(e, true);
      }
    }

    /** Returns the connection to the pool after a complete body; otherwise aborts it. */
    @Override
    public void close() {
      if (!ended) {
        request.cancel(); // closing a partly read body would drain the rest first
      }
      try {
        response.close();
      } catch (IOException | RuntimeException ignored) {
        // the exchange was cancelled or the connection is already gone
      }
    }
  }

  /** Closes the connection pools. */
  @Override
  public void close() {
    closed = true;
    client.close(CloseMode.GRACEFUL);
    guarded.values().forEach(c -> c.close(CloseMode.GRACEFUL));
    guarded.clear();
  }
}
