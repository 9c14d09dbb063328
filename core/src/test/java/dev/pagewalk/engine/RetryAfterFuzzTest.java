package dev.pagewalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fuzz target: any {@code Retry-After} value parses to nothing or a non-negative delay, never an
 * exception.
 */
class RetryAfterFuzzTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @FuzzTest(maxDuration = "2m")
  void parsesAnyValue(byte[] input) {
    Optional<Duration> delay = RetryAfter.parse(new String(input, StandardCharsets.UTF_8), NOW);
    delay.ifPresent(d -> assertThat(d.isNegative()).as(d.toString()).isFalse());
  }
}
