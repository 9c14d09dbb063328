package dev.pagewalk.conformance.livedata;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes deterministic records from a seed; not thread-safe (the dataset calls it under its lock).
 */
final class ItemFactory {
  static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final List<String> FIRST =
      List.of(
          "Ada",
          "Grace",
          "Alan",
          "Edsger",
          "Barbara",
          "Donald",
          "Frances",
          "Ken",
          "Margaret",
          "Niklaus");
  private static final List<String> LAST =
      List.of(
          "Moreau",
          "Okafor",
          "Lindqvist",
          "Tanaka",
          "Silva",
          "Novak",
          "Haddad",
          "Kowalski",
          "Reyes",
          "Berg");
  private static final List<String> STATUS = List.of("active", "pending", "closed", "suspended");

  private final Random random;

  ItemFactory(long seed) {
    this.random = new Random(seed);
  }

  /**
   * A record created at its position's minute; updated_at a few seconds later, so both grow with
   * position.
   */
  Item create(long seq, long position) {
    Instant createdAt = EPOCH.plus(STEP.multipliedBy(position));
    Instant updatedAt = createdAt.plusSeconds(random.nextInt(59));
    return create(seq, position, createdAt, updatedAt);
  }

  Item create(long seq, long position, Instant createdAt, Instant updatedAt) {
    String first = FIRST.get(random.nextInt(FIRST.size()));
    String last = LAST.get(random.nextInt(LAST.size()));
    String email = (first + "." + last + seq + "@example.com").toLowerCase(Locale.ROOT);
    BigDecimal amount = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
    String status = STATUS.get(random.nextInt(STATUS.size()));
    return new Item(seq, position, createdAt, updatedAt, first + " " + last, email, amount, status);
  }
}
