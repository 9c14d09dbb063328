package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spec's rate limit, divided between the connector's tasks. */
class RateShareTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: items
      rateLimit: {requests: 25, per: 1s}
      request: {url: /items}
      """;

  @Test
  void givesEachTaskTheWholeRequestsOfItsShareAndNeverMoreThanTheSpecAllows() {
    RateShare rate = RateShare.of(Pagewalk.parse("items.yaml", SPEC)).orElseThrow();

    assertThat(rate).isEqualTo(new RateShare(25, Duration.ofSeconds(1)));
    assertThat(rate.share(3)).isEqualTo(new RateShare(8, Duration.ofSeconds(1)));
    assertThat(rate.share(1)).isEqualTo(rate);
  }

  @Test
  void makesNoMoreTasksThanRequestsPerPeriod() {
    RateShare rate = new RateShare(2, Duration.ofMinutes(1));

    assertThat(rate.tasks(5)).isEqualTo(2);
    assertThat(rate.tasks(1)).isEqualTo(1);
  }

  @Test
  void isEmptyForASpecWithoutARateLimit() {
    assertThat(
            RateShare.of(
                Pagewalk.parse(
                    "items.yaml", SPEC.replace("rateLimit: {requests: 25, per: 1s}\n", ""))))
        .isEqualTo(Optional.empty());
  }

  @Test
  void readsTheRateLimitWithItsDefaultWindowAndAnyDurationForm() {
    assertThat(
            RateShare.of(
                Pagewalk.parse(
                    "items.yaml", SPEC.replace("{requests: 25, per: 1s}", "{requests: 6}"))))
        .contains(new RateShare(6, Duration.ofSeconds(1)));
    assertThat(
            RateShare.of(
                Pagewalk.parse(
                    "items.yaml",
                    SPEC.replace("{requests: 25, per: 1s}", "{requests: 90, per: 1m}"))))
        .contains(new RateShare(90, Duration.ofMinutes(1)));
  }

  @Test
  void readsTheRateLimitAConnectorsStreamsShare() {
    String connector =
        """
        pagewalk: 1
        name: shop
        rateLimit: {requests: 12, per: 2s}
        streams:
          orders: {request: {url: /orders}}
          refunds: {request: {url: /refunds}}
        """;
    assertThat(RateShare.of(Pagewalk.parse("shop.yaml", connector)))
        .contains(new RateShare(12, Duration.ofSeconds(2)));
  }
}
