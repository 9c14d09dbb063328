package dev.pagewalk.audit;

import dev.pagewalk.RunStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The counts of the report's {@code requests} and {@code records}: each key's name in the JSON and
 * the {@link RunStats} count it shows, in the report's order.
 */
public final class ReportCounts {
  private ReportCounts() {}

  /**
   * The report's {@code requests}; {@code credentialsStripped} and {@code auth} (token and login
   * requests, not in {@code total}) only when some were.
   */
  public enum Requests {
    TOTAL("total", RunStats::requests),
    INITIAL("initial", RunStats::initialRequests),
    PAGINATION("pagination", RunStats::paginationRequests),
    RETRIES("retries", RunStats::retries),
    CREDENTIALS_STRIPPED("credentialsStripped", RunStats::credentialsStripped),
    AUTH("auth", RunStats::authRequests);

    private final String key;
    private final ToLongFunction<RunStats> count;

    Requests(String key, ToLongFunction<RunStats> count) {
      this.key = key;
      this.count = count;
    }

    public String key() {
      return key;
    }
  }

  /** The report's {@code records}; the incremental counts only for an incremental run. */
  public enum Records {
    RECEIVED("received", RunStats::recordsReceived),
    EMITTED("emitted", RunStats::recordsEmitted),
    FILTERED("filtered", RunStats::recordsFiltered),
    DUPLICATES_DROPPED("duplicatesDropped", RunStats::duplicatesDropped),
    ALREADY_SYNCED("alreadySynced", RunStats::alreadySynced),
    BEYOND_BOUNDARY("beyondBoundary", RunStats::beyondBoundary);

    private final String key;
    private final ToLongFunction<RunStats> count;

    Records(String key, ToLongFunction<RunStats> count) {
      this.key = key;
      this.count = count;
    }

    public String key() {
      return key;
    }
  }

  /** The report's {@code requests} of these stats. */
  public static Map<String, Long> requests(RunStats stats) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Requests r : Requests.values()) {
      long n = r.count.applyAsLong(stats);
      boolean optional = r == Requests.CREDENTIALS_STRIPPED || r == Requests.AUTH;
      if (!optional || n > 0) {
        out.put(r.key, n);
      }
    }
    return out;
  }

  /**
   * The report's {@code records} of these stats, of an incremental run when {@code incremental}.
   */
  public static Map<String, Long> records(RunStats stats, boolean incremental) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Records r : Records.values()) {
      boolean incrementalOnly = r == Records.ALREADY_SYNCED || r == Records.BEYOND_BOUNDARY;
      if (incremental || !incrementalOnly) {
        out.put(r.key, r.count.applyAsLong(stats));
      }
    }
    return out;
  }

  /** The report's {@code waits}: milliseconds by {@link dev.pagewalk.WaitReason}, every reason. */
  public static Map<String, Long> waits(RunStats stats) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (dev.pagewalk.WaitReason w : dev.pagewalk.WaitReason.values()) {
      out.put(w.wireName(), stats.waited(w).toMillis());
    }
    return out;
  }

  /** The report's {@code faults}: failed attempts by short name, sorted by name. */
  public static Map<String, Long> faults(RunStats stats) {
    Map<String, Long> out = new java.util.TreeMap<>();
    stats.faults().forEach((kind, n) -> out.put(kind.label(), n));
    return out;
  }
}
