package dev.pagewalk.http;

import java.time.Duration;

/**
 * Per-request bounds a transport must enforce: a hard deadline from send to last body byte
 * (null = none), the largest body accepted after decompression, and how many redirects may be
 * followed.
 */
public record RequestLimits(Duration deadline, long maxBodyBytes, int maxRedirects) {
  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  public static RequestLimits of(Duration deadline) {
    return new RequestLimits(deadline, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REDIRECTS);
  }
}
