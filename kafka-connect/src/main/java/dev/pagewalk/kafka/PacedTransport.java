package dev.pagewalk.kafka;

import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A transport that keeps one task's share of the connector's rate limit, then hands each request to
 * {@code next}: requests go out at least {@code share.per() / share.requests()} apart, the first
 * one that long after the transport was made, so that no window of {@code share.per()} holds more
 * than {@code share.requests()} of them — not even together with the requests of the task this one
 * replaces (a restart, a move to another worker), which stopped before it started. Every request a
 * task sends goes through it: pages, retries, redirect hops, token requests. Thread-safe.
 */
final class PacedTransport implements Transport {
  private final Transport next;
  private final Duration gap;
  private final Clock clock;
  private Instant earliest;

  PacedTransport(Transport next, RateShare share, Clock clock) {
    this.next = next;
    this.gap = share.per().dividedBy(share.requests());
    this.clock = clock;
    this.earliest = clock.instant().plus(gap);
  }

  @Override
  public Response send(HttpRequest request, Exchange exchange) throws IOException {
    try {
      reserve();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the task is stopping");
    }
    return next.send(request, exchange);
  }

  private synchronized void reserve() throws InterruptedException {
    Instant now = clock.instant();
    while (now.isBefore(earliest)) {
      long nanos = Duration.between(now, earliest).toNanos();
      wait(Math.max(1, (nanos + 999_999) / 1_000_000));
      now = clock.instant();
    }
    earliest = now.plus(gap);
  }

  @Override
  public void close() {
    next.close();
  }
}
