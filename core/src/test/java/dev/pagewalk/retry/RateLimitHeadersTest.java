package dev.pagewalk.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  static Optional<Instant> read(String... nameValues) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < nameValues.length; i += 2) {
      h.put(nameValues[i], nameValues[i + 1]);
    }
    return RateLimitHeaders.exhaustedUntil(h::get, NOW);
  }

  @Test
  void quotaLeftMeansNoWait() {
    assertThat(read("RateLimit-Remaining", "5", "RateLimit-Reset", "30")).isEmpty();
    assertThat(read("X-RateLimit-Remaining", "1", "X-RateLimit-Reset", "1700000100")).isEmpty();
    assertThat(read()).isEmpty();
  }

  @Test
  void ietfResetIsDeltaSeconds() {
    assertThat(read("RateLimit-Remaining", "0", "RateLimit-Reset", "30"))
        .contains(NOW.plusSeconds(30));
    assertThat(read("RateLimit", "\"default\";r=0;t=12")).contains(NOW.plusSeconds(12));
    assertThat(read("RateLimit", "limit=100, remaining=0, reset=7")).contains(NOW.plusSeconds(7));
    assertThat(read("RateLimit", "\"default\";r=4;t=12")).isEmpty();
  }

  @Test
  void xRateLimitResetIsEpochOrDeltaByMagnitude() {
    assertThat(read("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1700000045"))
        .contains(NOW.plusSeconds(45));
    assertThat(read("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "45"))
        .contains(NOW.plusSeconds(45));
    assertThat(read("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1700000045000"))
        .contains(NOW.plusSeconds(45));
    assertThat(read("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1.5"))
        .contains(NOW.plusMillis(1500));
  }

  @Test
  void pastResetsAndGarbageAreIgnored() {
    assertThat(read("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1600000000")).isEmpty();
    assertThat(read("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "soon")).isEmpty();
    assertThat(read("X-RateLimit-Remaining", "none", "X-RateLimit-Reset", "5")).isEmpty();
    assertThat(read("RateLimit-Remaining", "0", "RateLimit-Reset", "-3")).isEmpty();
  }

  @Test
  void pacerCapsTheServerWait() {
    TokenBucketTest.FakeClock clock = new TokenBucketTest.FakeClock();
    Pacer pacer = Pacer.of(0, null, true, java.time.Duration.ofSeconds(60), clock);
    pacer.observe(Map.of("RateLimit-Remaining", "0", "RateLimit-Reset", "3600")::get);
    assertThat(pacer.serverWait()).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(pacer.serverWait()).isZero();
    assertThat(pacer.bucketWait()).isZero();
  }
}
