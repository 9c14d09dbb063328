package dev.pagewalk.audit;

import dev.pagewalk.report.Check;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ids seen for {@code audit.sequentialId}, one bit each, and the gaps between them. */
final class SequentialIds {
  private static final int MAX_RANGES = 20;
  private final BitSet seen = new BitSet();
  private long outOfRange;

  void add(long id) {
    if (id < 0 || id > Integer.MAX_VALUE - 1) {
      outOfRange++;
      return;
    }
    seen.set((int) id);
  }

  Check check(boolean truncated) {
    if (seen.isEmpty()) {
      return new Check(
          Check.Kind.SEQUENTIAL_ID, Check.Outcome.FAIL, "no sequential ids were read", null);
    }
    int min = seen.nextSetBit(0);
    int max = seen.length() - 1;
    List<String> ranges = new ArrayList<>();
    long missing = 0;
    int from = seen.nextClearBit(min);
    while (from < max) {
      int to = seen.nextSetBit(from) - 1;
      missing += to - from + 1;
      if (ranges.size() < MAX_RANGES) {
        ranges.add(from == to ? String.valueOf(from) : from + "-" + to);
      }
      from = seen.nextClearBit(to + 1);
    }
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("min", min);
    ev.put("max", max);
    ev.put("missing", missing);
    ev.put("gaps", ranges);
    if (outOfRange > 0) {
      ev.put("outOfRange", outOfRange);
    }
    if (missing == 0) {
      return new Check(
          Check.Kind.SEQUENTIAL_ID,
          Check.Outcome.PASS,
          "ids " + min + ".." + max + " have no gaps",
          ev);
    }
    return new Check(
        Check.Kind.SEQUENTIAL_ID,
        truncated ? Check.Outcome.NOT_APPLICABLE : Check.Outcome.FAIL,
        missing + " ids missing between " + min + " and " + max + ": " + String.join(", ", ranges),
        ev);
  }
}
