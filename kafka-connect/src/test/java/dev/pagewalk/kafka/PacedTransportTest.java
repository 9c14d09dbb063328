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
  private static final Clock CLOCK = Clock.systemUTC();
  private static final Duration WINDOW = Duration.ofMillis(200);
  private static final HttpRequest REQUEST =
      new HttpRequest("GET", URI.create("http://api.test/items"), Headers.empty(), null);

  private final List<Instant> sent = new CopyOnWriteArrayList<>();
  private final Transport api =
      (request, exchange) -> {
        sent.add(CLOCK.instant());
        return Transport.Response.of(200, "OK", Headers.empty(), new byte[0]);
      };

  private void send(PacedTransport paced, int times) throws Exception {
    for (int i = 0; i < times; i++) {
      paced.send(REQUEST, abort -> {}).close();
    }
  }

  /**
   * A request reaches the next transport a moment after it took its slot (the first call of the
   * lambda is the slowest), so windows are checked 20 ms short.
   */
  private void assertAtMostTwoInAnyWindow() {
    Duration checked = WINDOW.minusMillis(20);
    for (Instant from : sent) {
      assertThat(sent.stream().filter(t -> !t.isBefore(from) && t.isBefore(from.plus(checked))))
          .as("sent within " + checked + " of " + from)
          .hasSizeLessThanOrEqualTo(2);
    }
  }

  @Test
  void sendsNoMoreThanItsShareInAnyWindow() throws Exception {
    try (PacedTransport paced = new PacedTransport(api, new RateShare(2, WINDOW), CLOCK)) {
      send(paced, 6);
    }

    assertThat(sent).hasSize(6);
    assertAtMostTwoInAnyWindow();
  }

  @Test
  void aRestartedTaskAndTheOneItReplacedKeepToTheShareTogether() throws Exception {
    try (PacedTransport before = new PacedTransport(api, new RateShare(2, WINDOW), CLOCK)) {
      send(before, 2);
    }
    try (PacedTransport after = new PacedTransport(api, new RateShare(2, WINDOW), CLOCK)) {
      send(after, 2);
    }

    assertThat(sent).hasSize(4);
    assertAtMostTwoInAnyWindow();
  }
}
