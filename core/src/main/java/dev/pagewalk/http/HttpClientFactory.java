package dev.pagewalk.http;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;

/**
 * The HttpClient behind {@link ApacheTransport}: pooled, explicit timeouts, and no automatic
 * retries, redirects, decompression, cookies or auth caching (the engine owns those: bodies arrive
 * as the server encoded them and {@link Decompression} decodes them).
 *
 * <p>The response head is bounded, so that a server cannot fill the heap before the deadline with
 * one endless header line or an endless stream of header fields: a line (the status line, a header
 * field, a chunk header or trailer field) holds at most {@link #MAX_LINE_LENGTH} characters, and a
 * head or trailer at most {@link #MAX_HEADER_COUNT} fields, so a head holds at most about 3.3
 * million characters. Going past either fails the exchange with {@link ResponseTooLargeException}
 * (see {@link #headTooLarge}), which the engine does not retry.
 */
final class HttpClientFactory {
  /** The longest response line accepted, in characters (HttpClient's default: unlimited). */
  static final int MAX_LINE_LENGTH = 16 * 1024;

  /**
   * The most header fields accepted in a response head or chunked trailer (HttpClient's default:
   * unlimited).
   */
  static final int MAX_HEADER_COUNT = 200;

  private HttpClientFactory() {}

  static CloseableHttpClient create(TransportConfig config) {
    return create(config, null);
  }

  /** A client whose connections resolve host names through {@code dns} (null: the system's). */
  static CloseableHttpClient create(TransportConfig config, DnsResolver dns) {
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(timeout(config.connectTimeout().toMillis()))
            .setSocketTimeout(timeout(config.socketTimeout().toMillis()))
            .build();
    RequestConfig request =
        RequestConfig.custom()
            .setConnectionRequestTimeout(timeout(config.connectionRequestTimeout().toMillis()))
            .setResponseTimeout(timeout(config.socketTimeout().toMillis()))
            .setRedirectsEnabled(false)
            .setExpectContinueEnabled(false)
            .setProtocolUpgradeEnabled(false)
            .build();
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setConnectionFactory(
                    ManagedHttpClientConnectionFactory.builder()
                        .http1Config(
                            Http1Config.custom()
                                .setMaxLineLength(
                                    MAX_LINE_LENGTH + 2) // HttpCore counts the line with its CR LF
                                .setMaxHeaderCount(
                                    MAX_HEADER_COUNT
                                        + 1) // HttpCore refuses as many fields as its limit
                                .build())
                        .build())
                .setDefaultConnectionConfig(connection)
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnectionsPerRoute())
                .build())
        .setDefaultRequestConfig(request)
        .setUserAgent(config.userAgent())
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  /**
   * The failure to report for HttpClient's {@link MessageConstraintException}: which bound the
   * response broke, in the head or (when {@code inBody}) in a chunk header or trailer.
   */
  static ResponseTooLargeException headTooLarge(MessageConstraintException e, boolean inBody) {
    String where = inBody ? "a chunk header or trailer of the response" : "the response head";
    String message = String.valueOf(e.getMessage());
    if (message.contains("header count")) {
      return new ResponseTooLargeException(
          where
              + " has more than "
              + MAX_HEADER_COUNT
              + " header fields (limit "
              + MAX_HEADER_COUNT
              + ")");
    }
    if (message.contains("line length")) {
      return new ResponseTooLargeException(
          where
              + " has a line longer than "
              + MAX_LINE_LENGTH
              + " characters (limit "
              + MAX_LINE_LENGTH
              + ")");
    }
    return new ResponseTooLargeException(where + " breaks a limit: " + message);
  }

  private static Timeout timeout(long millis) {
    return Timeout.of(millis, TimeUnit.MILLISECONDS);
  }
}
