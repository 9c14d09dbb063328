package dev.pagewalk;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What a run did, counted once: the one definition of every count that the {@link RunResult}, the
 * report, the checkpoint, the listener events and the CLI show. Immutable; each {@code plus}
 * returns the next value.
 *
 * <p>Each count says what it counts, and counts it when it happened — a record when the destination
 * took it, a request when it went out — so a run that fails or is cancelled half way reports what
 * the server and the destination saw, not what the run meant to do. A resumed run (a sync's {@code
 * resume}) continues the counts its checkpoint keeps ({@link #savedInCheckpoint}: requests, logical
 * and pagination requests, pages, records received, filtered and emitted), so they describe the
 * sync so far; the other counts are this run's alone.
 *
 * @param requests HTTP requests that went out, retries included, and a read-ahead request the run
 *     gave up after it was sent (the server saw it); chain steps and repeats included, the token
 *     and login requests of {@code auth} not ({@code authRequests})
 * @param logicalRequests requests the run asked for, each once however often it was retried: what
 *     {@code limits.maxRequests} caps
 * @param paginationRequests requests for page 2 and later of the output request, each page's
 *     request once (its retries are in {@code retries})
 * @param retries requests sent again: after a failed attempt, and for an empty page whose {@code
 *     condition} still said "more"
 * @param pages pages of the output request written to the destination (with their checkpoint, for a
 *     sync); a page whose write failed or was cancelled is not counted
 * @param recordsReceived items {@code iterate} returned on the pages the run read, before filtering
 *     and de-duplication — including a page it then failed to write
 * @param recordsFiltered of those, items dropped by {@code iterate.condition}
 * @param recordsEmitted records the destination accepted: the records of every page written, plus
 *     the records a consumer took before it failed on a page; never records the destination did not
 *     receive
 * @param bytesReceived response body bytes of every response the run read, failed attempts included
 *     (not of a read-ahead response the run gave up)
 * @param emptyPagesWithContinuation pages that came back empty while {@code condition} still said
 *     "more" (each counted once, however often it was retried)
 * @param duplicatesDropped received records not written because a record with the same key was
 *     already written in this run (or the same body came back twice in a row)
 * @param alreadySynced records an incremental run dropped because the previous run delivered them
 *     (at or below the state's {@code (cursor, tieBreaker)})
 * @param beyondBoundary records an incremental run dropped because their cursor lies after the
 *     run's start (the next run reads them)
 * @param credentialsStripped pagination requests sent to another origin without credentials
 *     (headers and query values that carry connection values)
 * @param authRequests token and login requests of {@code auth} that went out, retries included: not
 *     in {@code requests}, which counts the API's; their retries are in {@code retries}, their
 *     failed attempts in {@code faults}, their bytes in {@code bytesReceived}, their waits in
 *     {@code waits}
 * @param faults every failed attempt by its kind ({@link Fault#CONNECTION_RESET}, {@code new
 *     StatusFault(503)}, {@link Fault#DEADLINE}, {@link Fault#EMPTY_PAGE_WITH_CONTINUATION}, ...),
 *     retried or not; reports name each by its {@link FaultKind#label()}
 * @param waits time the run was asked to pause, by reason; {@link #waited()} is their sum
 */
public record RunStats(
    long requests,
    long logicalRequests,
    long paginationRequests,
    long retries,
    long pages,
    long recordsReceived,
    long recordsFiltered,
    long recordsEmitted,
    long bytesReceived,
    long emptyPagesWithContinuation,
    long duplicatesDropped,
    long alreadySynced,
    long beyondBoundary,
    long credentialsStripped,
    long authRequests,
    Map<FaultKind, Long> faults,
    Map<WaitReason, Duration> waits) {

  /** A run that has done nothing. */
  public static final RunStats ZERO =
      new RunStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

  public RunStats {
    faults = faults == null ? Map.of() : Map.copyOf(faults);
    waits = waits == null ? Map.of() : Map.copyOf(waits);
  }

  /** Time the run was asked to pause: backoff, {@code Retry-After}, rate limit and delays. */
  public Duration waited() {
    Duration sum = Duration.ZERO;
    for (Duration d : waits.values()) {
      sum = sum.plus(d);
    }
    return sum;
  }

  /** Time the run paused for {@code reason}. */
  public Duration waited(WaitReason reason) {
    return waits.getOrDefault(reason, Duration.ZERO);
  }

  /** Requests that were not pagination requests: first pages, chain steps and repeats. */
  public long initialRequests() {
    return logicalRequests - paginationRequests;
  }

  /** The failed attempts of that kind. */
  public long faults(FaultKind kind) {
    return faults.getOrDefault(kind, 0L);
  }

  /**
   * These stats and what one exchange added: {@code attempts} requests sent, its failed attempts by
   * kind, the body bytes read and the time waited by reason.
   */
  public RunStats plusExchange(
      long attempts, Map<FaultKind, Long> newFaults, long bytes, Map<WaitReason, Duration> waited) {
    return new RunStats(
        requests + attempts,
        logicalRequests,
        paginationRequests,
        retries,
        pages,
        recordsReceived,
        recordsFiltered,
        recordsEmitted,
        bytesReceived + bytes,
        emptyPagesWithContinuation,
        duplicatesDropped,
        alreadySynced,
        beyondBoundary,
        credentialsStripped,
        authRequests,
        merged(faults, newFaults),
        mergedWaits(waits, waited));
  }

  /**
   * These stats and what one token or login request added: {@code attempts} requests sent to the
   * token endpoint, its failed attempts by kind, the body bytes read and the time waited by reason.
   */
  public RunStats plusAuthExchange(
      long attempts, Map<FaultKind, Long> newFaults, long bytes, Map<WaitReason, Duration> waited) {
    RunStats counted = plusExchange(0, newFaults, bytes, waited);
    return new RunStats(
        counted.requests,
        counted.logicalRequests,
        counted.paginationRequests,
        counted.retries,
        counted.pages,
        counted.recordsReceived,
        counted.recordsFiltered,
        counted.recordsEmitted,
        counted.bytesReceived,
        counted.emptyPagesWithContinuation,
        counted.duplicatesDropped,
        counted.alreadySynced,
        counted.beyondBoundary,
        counted.credentialsStripped,
        counted.authRequests + attempts,
        counted.faults,
        counted.waits);
  }

  /** One more request asked for (a pagination request when {@code pagination}). */
  public RunStats plusLogicalRequest(boolean pagination) {
    return new RunStats(
        requests,
        logicalRequests + 1,
        paginationRequests + (pagination ? 1 : 0),
        retries,
        pages,
        recordsReceived,
        recordsFiltered,
        recordsEmitted,
        bytesReceived,
        emptyPagesWithContinuation,
        duplicatesDropped,
        alreadySynced,
        beyondBoundary,
        credentialsStripped,
        authRequests,
        faults,
        waits);
  }

  /** One more request sent again. */
  public RunStats plusRetry() {
    return new RunStats(
        requests,
        logicalRequests,
        paginationRequests,
        retries + 1,
        pages,
        recordsReceived,
        recordsFiltered,
        recordsEmitted,
        bytesReceived,
        emptyPagesWithContinuation,
        duplicatesDropped,
        alreadySynced,
        beyondBoundary,
        credentialsStripped,
        authRequests,
        faults,
        waits);
  }

  /** One more pagination request that left its origin without credentials. */
  public RunStats plusCredentialsStripped() {
    return new RunStats(
        requests,
        logicalRequests,
        paginationRequests,
        retries,
        pages,
        recordsReceived,
        recordsFiltered,
        recordsEmitted,
        bytesReceived,
        emptyPagesWithContinuation,
        duplicatesDropped,
        alreadySynced,
        beyondBoundary,
        credentialsStripped + 1,
        authRequests,
        faults,
        waits);
  }

  /** One more empty page with continuation. */
  public RunStats plusEmptyPageWithContinuation() {
    return new RunStats(
        requests,
        logicalRequests,
        paginationRequests,
        retries,
        pages,
        recordsReceived,
        recordsFiltered,
        recordsEmitted,
        bytesReceived,
        emptyPagesWithContinuation + 1,
        duplicatesDropped,
        alreadySynced,
        beyondBoundary,
        credentialsStripped,
        authRequests,
        faults,
        waits);
  }

  /**
   * What reading a page added: items received and filtered, records dropped as duplicates, already
   * synced or beyond the boundary.
   */
  public RunStats plusPageRead(
      long received, long filtered, long duplicates, long synced, long beyond) {
    return new RunStats(
        requests,
        logicalRequests,
        paginationRequests,
        retries,
        pages,
        recordsReceived + received,
        recordsFiltered + filtered,
        recordsEmitted,
        bytesReceived,
        emptyPagesWithContinuation,
        duplicatesDropped + duplicates,
        alreadySynced + synced,
        beyondBoundary + beyond,
        credentialsStripped,
        authRequests,
        faults,
        waits);
  }

  /** {@code pages} more pages written, with {@code records} records the destination took. */
  public RunStats plusWritten(long written, long records) {
    return new RunStats(
        requests,
        logicalRequests,
        paginationRequests,
        retries,
        pages + written,
        recordsReceived,
        recordsFiltered,
        recordsEmitted + records,
        bytesReceived,
        emptyPagesWithContinuation,
        duplicatesDropped,
        alreadySynced,
        beyondBoundary,
        credentialsStripped,
        authRequests,
        faults,
        waits);
  }

  /** The counts a checkpoint keeps, by their names on disk. */
  public Map<String, Long> savedInCheckpoint() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (SavedCount c : SavedCount.values()) {
      out.put(c.key, c.read.applyAsLong(this));
    }
    return out;
  }

  /**
   * Stats that continue those a checkpoint kept ({@link #savedInCheckpoint}); a count it lacks (an
   * older checkpoint) starts at 0, a name it does not know is ignored.
   */
  public static RunStats resumedFrom(Map<String, Long> saved) {
    if (saved == null) {
      return ZERO;
    }
    java.util.function.ToLongFunction<SavedCount> v =
        c -> {
          Long n = saved.get(c.key);
          return n == null ? 0 : n;
        };
    return new RunStats(
        v.applyAsLong(SavedCount.REQUESTS),
        v.applyAsLong(SavedCount.LOGICAL_REQUESTS),
        v.applyAsLong(SavedCount.PAGINATION_REQUESTS),
        0,
        v.applyAsLong(SavedCount.PAGES),
        v.applyAsLong(SavedCount.RECORDS_RECEIVED),
        v.applyAsLong(SavedCount.RECORDS_FILTERED),
        v.applyAsLong(SavedCount.RECORDS_EMITTED),
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        Map.of(),
        Map.of());
  }

  /** The counts a checkpoint keeps and their names on disk (these names never change). */
  private enum SavedCount {
    REQUESTS("requests", RunStats::requests),
    LOGICAL_REQUESTS("logicalRequests", RunStats::logicalRequests),
    PAGINATION_REQUESTS("paginationRequests", RunStats::paginationRequests),
    PAGES("pages", RunStats::pages),
    RECORDS_RECEIVED("recordsReceived", RunStats::recordsReceived),
    RECORDS_EMITTED("recordsEmitted", RunStats::recordsEmitted),
    RECORDS_FILTERED("recordsFiltered", RunStats::recordsFiltered);

    final String key;
    final java.util.function.ToLongFunction<RunStats> read;

    SavedCount(String key, java.util.function.ToLongFunction<RunStats> read) {
      this.key = key;
      this.read = read;
    }
  }

  private static Map<FaultKind, Long> merged(Map<FaultKind, Long> a, Map<FaultKind, Long> b) {
    if (b == null || b.isEmpty()) {
      return a;
    }
    Map<FaultKind, Long> out = new HashMap<>(a);
    b.forEach((k, n) -> out.merge(k, n, Long::sum));
    return out;
  }

  private static Map<WaitReason, Duration> mergedWaits(
      Map<WaitReason, Duration> a, Map<WaitReason, Duration> b) {
    if (b == null || b.isEmpty()) {
      return a;
    }
    Map<WaitReason, Duration> out = new EnumMap<>(WaitReason.class);
    out.putAll(a);
    b.forEach((k, d) -> out.merge(k, d, Duration::plus));
    return out;
  }

  /**
   * What one failed attempt was: an I/O failure or an empty page asked for again ({@link Fault}),
   * or a status the spec retries ({@link StatusFault}). Its {@link #label()} is the stable short
   * name reports, the audit log and the command line show ({@code connection-reset}, {@code status
   * 503}); names never change once released.
   */
  public sealed interface FaultKind permits Fault, StatusFault {
    /** The stable short name: {@code connection-reset}, {@code status 503}. */
    String label();

    /** Whether sending the same request again can help. */
    boolean retryable();
  }

  /**
   * The faults with a fixed name. A deterministic one — a forbidden address, a body over the size
   * cap, a redirect loop, a body that is not JSON — is not retried however {@code retry.on} reads:
   * the next attempt would fail the same way.
   */
  public enum Fault implements FaultKind {
    CONNECTION_RESET("connection-reset", true),
    CONNECTION_REFUSED("connection-refused", true),
    CONNECT_TIMEOUT("connect-timeout", true),
    EMPTY_RESPONSE("empty-response", true),
    MALFORMED_CHUNK("malformed-chunk", true),
    MALFORMED_RESPONSE("malformed-response", true),
    TRUNCATED_BODY("truncated-body", true),
    READ_TIMEOUT("read-timeout", true),
    DEADLINE("deadline", true),
    UNKNOWN_HOST("unknown-host", true),
    TLS("tls", true),
    IO("io", true),
    MALFORMED_BODY("malformed-body", false),
    RESPONSE_TOO_LARGE("response-too-large", false),
    TOO_MANY_REDIRECTS("too-many-redirects", false),
    FORBIDDEN_ADDRESS("forbidden-address", false),
    /**
     * An empty page whose pagination condition still asked for more, asked for once more: never the
     * classification of an I/O failure.
     */
    EMPTY_PAGE_WITH_CONTINUATION("empty-page-with-continuation", true);

    private final String label;
    private final boolean retryable;

    Fault(String label, boolean retryable) {
      this.label = label;
      this.retryable = retryable;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public boolean retryable() {
      return retryable;
    }

    /** The label, so that the fault reads as it always did in messages. */
    @Override
    public String toString() {
      return label;
    }
  }

  /** A response whose status the spec retries ({@code retry.on}); named {@code status 503}. */
  public record StatusFault(int status) implements FaultKind {
    @Override
    public String label() {
      return "status " + status;
    }

    @Override
    public boolean retryable() {
      return true;
    }

    /** The label, so that the fault reads as it always did in messages. */
    @Override
    public String toString() {
      return label();
    }
  }
}
