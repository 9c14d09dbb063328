package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One task's share of the rate limit, kept by the transport it sends through. */
class PacedTransportTest {
  @Test
  void sendsNoMoreThanItsShareInAnyWindow() throws Exception {
    List<Instant> sent = new CopyOnWriteArrayList<>();
    Clock clock = Clock.systemUTC();
    Transport next =
        (request, exchange) -> {
          sent.add(clock.instant());
          return Transport.Response.of(200, "OK", Headers.empty(), new byte[0]);
        };
    Duration window = Duration.ofMillis(200);
    try (PacedTransport paced = new PacedTransport(next, new RateShare(2, window), clock)) {
      HttpRequest request =
          new HttpRequest("GET", URI.create("http://api.test/items"), Headers.empty(), null);
      for (int i = 0; i < 6; i++) {
        paced.send(request, abort -> {}).close();
      }
    }

    assertThat(sent).hasSize(6);
    // a request reaches the next transport a moment after it took its slot (the first call of
    // the lambda is the slowest), so windows are checked 20 ms short
    Duration checked = window.minusMillis(20);
    for (Instant from : sent) {
      assertThat(sent.stream().filter(t -> !t.isBefore(from) && t.isBefore(from.plus(checked))))
          .as("sent within " + window + " of " + from)
          .hasSizeLessThanOrEqualTo(2);
    }
    assertThat(Duration.between(sent.get(0), sent.get(5)))
        .isGreaterThanOrEqualTo(window.multipliedBy(2));
  }
}
