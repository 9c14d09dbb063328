package dev.pagewalk.connector;

import dev.pagewalk.InputException;
import dev.pagewalk.expr.Bindings;
import dev.pagewalk.expr.EvaluationException;
import dev.pagewalk.json.RecordKeys;
import dev.pagewalk.plan.PartitionPlan;
import dev.pagewalk.plan.StreamPlan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The walks of a stream without a parent: one per value of {@code partitions.values}, one per date
 * window of {@code partitions.dates} (made one at a time, so a long range costs no memory), or one.
 */
final class Partitions {
  private Partitions() {}

  /**
   * @throws InputException when the partitions cannot be worked out from the inputs (not a list,
   *     not a date, an expression that fails)
   */
  static Iterator<Walk> of(StreamPlan stream, Bindings inputs) {
    PartitionPlan plan = stream.partitions();
    if (plan == null) {
      return List.of(Walk.of(stream, "", null, null)).iterator();
    }
    try {
      if (plan instanceof PartitionPlan.Values values) {
        Object list = values.values().evaluate(inputs);
        if (!(list instanceof List<?> items)) {
          throw new InputException(
              where(stream)
                  + ": partitions.values must be a list, got "
                  + (list == null ? "null" : RecordKeys.canonical(list)));
        }
        return items.stream().map(v -> Walk.of(stream, label(v), "partition", v)).iterator();
      }
      PartitionPlan.Dates dates = (PartitionPlan.Dates) plan;
      Instant from = instant(stream, "from", dates.from().evaluate(inputs));
      Instant to = instant(stream, "to", dates.to().evaluate(inputs));
      return windows(stream, from, to, dates.step());
    } catch (EvaluationException e) {
      throw new InputException(where(stream) + ": partitions: " + e.getMessage());
    }
  }

  private static Iterator<Walk> windows(
      StreamPlan stream, Instant from, Instant to, java.time.Duration step) {
    return new Iterator<>() {
      private Instant start = from;

      @Override
      public boolean hasNext() {
        return start.isBefore(to);
      }

      @Override
      public Walk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Instant end = start.plus(step);
        if (end.isAfter(to)) {
          end = to;
        }
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", start.toString());
        window.put("end", end.toString());
        Walk walk = Walk.of(stream, start + "/" + end, "partition", window);
        start = end;
        return walk;
      }
    };
  }

  private static String label(Object value) {
    return value instanceof String s ? s : RecordKeys.canonical(value);
  }

  private static Instant instant(StreamPlan stream, String field, Object value) {
    if (value instanceof String s) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
          try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
          } catch (DateTimeParseException e3) {
            // reported below
          }
        }
      }
    }
    throw new InputException(
        where(stream)
            + ": partitions.dates."
            + field
            + " must be a date or date-time (2024-01-31, 2024-01-31T00:00:00Z), got "
            + (value == null ? "null" : RecordKeys.canonical(value)));
  }

  private static String where(StreamPlan stream) {
    return stream.plan().name();
  }
}
