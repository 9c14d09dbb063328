package dev.pagewalk.kafka;

import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A transport that sends at most {@code share.requests()} requests in any window of {@code
 * share.per()} (each sent request holds its slot for one window), then hands each request to {@code
 * next}: one task's share of the connector's rate limit. Every request a task sends goes through it
 * — pages, retries, redirect hops, token requests. Thread-safe.
 */
final class PacedTransport implements Transport {
  private final Transport next;
  private final RateShare share;
  private final Clock clock;
  private final Deque<Instant> sent = new ArrayDeque<>();

  PacedTransport(Transport next, RateShare share, Clock clock) {
    this.next = next;
    this.share = share;
    this.clock = clock;
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
    while (true) {
      Instant now = clock.instant();
      while (!sent.isEmpty() && !sent.peekFirst().plus(share.per()).isAfter(now)) {
        sent.removeFirst();
      }
      if (sent.size() < share.requests()) {
        sent.addLast(now);
        return;
      }
      long millis = Duration.between(now, sent.peekFirst().plus(share.per())).toMillis();
      wait(Math.max(1, millis));
    }
  }

  @Override
  public void close() {
    next.close();
  }
}
