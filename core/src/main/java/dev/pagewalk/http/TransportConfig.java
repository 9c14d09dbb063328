package dev.pagewalk.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link ApacheTransport}, fixed for its lifetime.
 *
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param connectionRequestTimeout how long a request may wait for a pooled connection
 * @param socketTimeout the longest silence between two packets of a response; not a deadline (see
 *     {@link RequestLimits#deadline()})
 * @param maxConnections connections in the pool, over all hosts
 * @param maxConnectionsPerRoute connections in the pool to one host
 * @param userAgent the User-Agent sent when a request has none
 */
public record TransportConfig(
    Duration connectTimeout,
    Duration connectionRequestTimeout,
    Duration socketTimeout,
    int maxConnections,
    int maxConnectionsPerRoute,
    String userAgent) {

  public TransportConfig {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(connectionRequestTimeout, "connectionRequestTimeout");
    requirePositive(socketTimeout, "socketTimeout");
    if (maxConnections < 1 || maxConnectionsPerRoute < 1) {
      throw new IllegalArgumentException("maxConnections and maxConnectionsPerRoute must be >= 1");
    }
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /** 10 s connect, 10 s pool wait, 30 s socket timeout, 20 connections (10 per host). */
  public static TransportConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }
  }

  /** Builder starting from the defaults. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration connectionRequestTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofSeconds(30);
    private int maxConnections = 20;
    private int maxConnectionsPerRoute = 10;
    private String userAgent = "pagewalk/0.1";

    private Builder() {}

    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    public Builder connectionRequestTimeout(Duration value) {
      connectionRequestTimeout = value;
      return this;
    }

    public Builder socketTimeout(Duration value) {
      socketTimeout = value;
      return this;
    }

    public Builder maxConnections(int total, int perRoute) {
      maxConnections = total;
      maxConnectionsPerRoute = perRoute;
      return this;
    }

    public Builder userAgent(String value) {
      userAgent = value;
      return this;
    }

    public TransportConfig build() {
      return new TransportConfig(
          connectTimeout,
          connectionRequestTimeout,
          socketTimeout,
          maxConnections,
          maxConnectionsPerRoute,
          userAgent);
    }
  }
}
