package dev.pagewalk.connector;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An API in the test's own process: {@code answer} maps a request's path and query to a status and
 * a JSON body. Counts the requests in flight at once and keeps every request sent.
 */
final class InProcessApi implements Transport {
  record Answer(int status, String body, Map<String, String> headers) {
    Answer(int status, String body) {
      this(status, body, Map.of());
    }
  }

  private final Function<String, Answer> answer;
  private final long latencyMillis;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

  /** {@link System#nanoTime()} as each request reached the transport. */
  final ConcurrentLinkedQueue<Long> sentAt = new ConcurrentLinkedQueue<>();

  InProcessApi(Function<String, Answer> answer, long latencyMillis) {
    this.answer = answer;
    this.latencyMillis = latencyMillis;
  }

  static Answer ok(String body) {
    return new Answer(200, body);
  }

  private static Headers headers(Answer a) {
    List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
    fields.add(Map.entry("Content-Type", "application/json"));
    fields.addAll(a.headers().entrySet());
    return Headers.of(fields);
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public Response send(HttpRequest request, Exchange exchange) {
    String target =
        request.uri().getRawPath()
            + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
    sentAt.add(System.nanoTime());
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis);
      }
      requests.add(target);
      Answer a = answer.apply(target);
      return Response.of(
          a.status(),
          a.status() == 200 ? "OK" : "Error",
          headers(a),
          a.body().getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
