package dev.pagewalk.http;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HttpClient behind {@link ApacheTransport}: pooled, explicit timeouts, and no automatic
 * retries, redirects, cookies or auth caching (the engine and the transport own those).
 * Content compression stays on so gzip and deflate bodies arrive decompressed.
 */
final class HttpClientFactory {
  private HttpClientFactory() {}

  static CloseableHttpClient create(TransportConfig config) {
    return create(config, null);
  }

  /** A client whose connections resolve host names through {@code dns} (null: the system's). */
  static CloseableHttpClient create(TransportConfig config, DnsResolver dns) {
    ConnectionConfig connection = ConnectionConfig.custom()
        .setConnectTimeout(timeout(config.connectTimeout().toMillis()))
        .setSocketTimeout(timeout(config.socketTimeout().toMillis()))
        .build();
    RequestConfig request = RequestConfig.custom()
        .setConnectionRequestTimeout(timeout(config.connectionRequestTimeout().toMillis()))
        .setResponseTimeout(timeout(config.socketTimeout().toMillis()))
        .setRedirectsEnabled(false)
        .setExpectContinueEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .build();
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(dns)
            .setDefaultConnectionConfig(connection)
            .setMaxConnTotal(config.maxConnections())
            .setMaxConnPerRoute(config.maxConnectionsPerRoute())
            .build())
        .setDefaultRequestConfig(request)
        .setUserAgent(config.userAgent())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  private static Timeout timeout(long millis) {
    return Timeout.of(millis, TimeUnit.MILLISECONDS);
  }
}
