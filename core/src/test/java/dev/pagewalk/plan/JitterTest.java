package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.Pagewalk;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JitterTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: j
      baseUrl: http://api.test
      %s
      request:
        url: /items
      """;

  @Test
  void isReadOnceFromTheSpecWithFullAsTheDefault() {
    assertThat(Plan.of(Pagewalk.parse("j.yaml", SPEC.formatted(""))).retry().jitter())
        .isEqualTo(Jitter.FULL);
    assertThat(
            Plan.of(Pagewalk.parse("j.yaml", SPEC.formatted("retry: {backoff: {jitter: equal}}")))
                .retry()
                .jitter())
        .isEqualTo(Jitter.EQUAL);
    assertThat(
            Plan.of(Pagewalk.parse("j.yaml", SPEC.formatted("retry: {backoff: {jitter: none}}")))
                .retry()
                .jitter())
        .isEqualTo(Jitter.NONE);
  }

  @Test
  void keepsTheSpecsSpelling() {
    for (Jitter j : Jitter.values()) {
      assertThat(Jitter.fromSpecName(j.specName())).isEqualTo(j);
    }
    assertThatThrownBy(() -> Jitter.fromSpecName("half"))
        .hasMessage("unknown retry.backoff.jitter 'half'");
  }

  @Test
  void drawsEachPauseWithinItsBand() {
    SplittableRandom random = new SplittableRandom(7);
    Duration ceiling = Duration.ofMillis(1000);
    assertThat(Jitter.NONE.pause(ceiling, random)).isEqualTo(ceiling);
    for (int i = 0; i < 200; i++) {
      assertThat(Jitter.EQUAL.pause(ceiling, random).toMillis()).isBetween(500L, 1000L);
      assertThat(Jitter.FULL.pause(ceiling, random).toMillis()).isBetween(0L, 1000L);
    }
  }
}
