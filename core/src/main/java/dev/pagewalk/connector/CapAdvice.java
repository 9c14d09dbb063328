package dev.pagewalk.connector;

import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.audit.Cap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a connector run truncated by a cap says: for each cap that stopped walks, which streams'
 * walks it stopped, whether the cap is the run's or one walk's, and how to lift it.
 */
public final class CapAdvice {
  private CapAdvice() {}

  /** One line per cap that stopped a walk, in the order of {@link Cap}; empty when none did. */
  public static List<String> of(StreamsResult result) {
    Map<Cap, Map<String, Long>> stopped = new EnumMap<>(Cap.class);
    for (StreamResult s : result.streams()) {
      for (WalkResult w : s.walks()) {
        Cap.of(w.stopReason())
            .ifPresent(
                cap ->
                    stopped
                        .computeIfAbsent(cap, k -> new java.util.LinkedHashMap<>())
                        .merge(s.name(), 1L, Long::sum));
      }
    }
    List<String> out = new ArrayList<>();
    stopped.forEach(
        (cap, streams) -> {
          List<String> where = new ArrayList<>();
          streams.forEach((name, n) -> where.add(n + (n == 1 ? " walk of " : " walks of ") + name));
          out.add(
              "truncated by "
                  + cap.reason().wireName()
                  + " ("
                  + String.join(", ", where)
                  + "): "
                  + cap.specKey()
                  + (cap.reason() == StopReason.MAX_PAGINATION_REQUESTS
                      ? " caps each walk"
                      : " counts every walk of the run")
                  + "; "
                  + cap.advice());
        });
    return out;
  }
}
