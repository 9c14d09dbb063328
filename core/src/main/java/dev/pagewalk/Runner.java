package dev.pagewalk;

import dev.pagewalk.connector.ConnectorRun;
import dev.pagewalk.connector.ConnectorSync;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.http.ApacheTransport;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.http.LinkTap;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.http.TransportConfig;
import dev.pagewalk.json.RecordKeys;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.sink.KeyListing;
import dev.pagewalk.sink.Reconciliation;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.spi.Transport;
import dev.pagewalk.state.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs plans. Holds the plug-ins a platform provides — transport, clock, sleeper, listener — and is
 * thread-safe: one runner serves any number of concurrent runs of any plans. Records are delivered
 * page by page as they arrive; memory grows with the page, never with the total. While a page is
 * written, the next page's request is already sent on one of the runner's read-ahead threads
 * (daemons, made as runs need them; see {@link Builder#readAhead}); {@link #close} stops them.
 *
 * <pre>{@code
 * Plan plan = Pagewalk.load(Path.of("specs/github/issues.yaml"));
 * try (Runner runner = Runner.builder().build()) {
 *   RunResult result = runner.run(plan, RunInput.empty().withParameters(Map.of("repo", "x/y")),
 *       record -> System.out.println(record.value()));
 *   System.out.println(result.stopReason() + ", " + result.recordsEmitted() + " records");
 * }
 * }</pre>
 */
public final class Runner implements AutoCloseable {
  private final Transport transport;
  private final boolean ownsTransport;
  private final Exchanger exchanger;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RunListener listener;
  private final String correlationHeader;
  private final ExecutorService readAhead;
  private final TokenStore tokenStore;
  private final long maxResponseBytes;

  private Runner(Builder b) {
    this.tokenStore = b.tokenStore;
    this.correlationHeader = b.correlationHeader;
    this.readAhead = b.readAhead ? ReadAheadThreads.pool() : null;
    this.ownsTransport = b.transport == null;
    this.transport =
        b.transport != null ? b.transport : new ApacheTransport(TransportConfig.defaults());
    this.maxResponseBytes = b.maxResponseBytes;
    this.exchanger = new Exchanger(transport, maxResponseBytes);
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the plan, delivering each record to {@code records} as its page is accepted. Failures end
   * the run and are reported in the result ({@link RunResult#failure()}); invalid inputs throw
   * {@link InputException} before any request is sent.
   */
  public RunResult run(Plan plan, RunInput input, Consumer<OutputRecord> records) {
    return run(plan, input, records, RunListener.NONE);
  }

  /** As {@link #run(Plan, RunInput, Consumer)}, with a listener for this run only. */
  public RunResult run(
      Plan plan, RunInput input, Consumer<OutputRecord> records, RunListener runListener) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(records, "records");
    return Engine.run(
        dev.pagewalk.plan.Plan.of(plan),
        input == null ? RunInput.empty() : input,
        records,
        plugins(runListener));
  }

  /**
   * Runs the plan into a sink, writing a checkpoint with every page (in the same transaction where
   * the sink can). The sync is named after the plan; {@code mode} says what happens to what the
   * sink already holds:
   *
   * <ul>
   *   <li>{@link SyncMode#APPEND}: adds to it. A spec with {@code sync.incremental} continues after
   *       the watermark of the sync's last complete run ({@code state.cursor}, {@code
   *       state.tieBreaker}); a full walk upserts into a database and is refused by a JSON Lines
   *       file that already holds records.
   *   <li>{@link SyncMode#RESUME}: continues from the sink's last checkpoint: from the beginning if
   *       there is none, nothing at all if the last run completed.
   *   <li>{@link SyncMode#REPLACE}: empties the sync's destination and checkpoint first.
   * </ul>
   *
   * <p>A checkpoint or watermark saved by a different sync (another spec, parameter values, base
   * URL, non-secret connection values or sync name) is never continued from: the run is refused
   * with {@link InputException}, naming what differs, before anything is written.
   */
  public RunResult sync(Plan plan, RunInput input, RecordSink sink, SyncMode mode) {
    return sync(plan, input, sink, mode, null, RunListener.NONE);
  }

  /**
   * As {@link #sync(Plan, RunInput, RecordSink, SyncMode)}, as the sync {@code syncName} (null: the
   * plan's name), with a listener for this run. The sync name keys the sink's table (or file's
   * checkpoint) and checkpoint, so that one destination can hold the same spec for several inputs
   * side by side; it is {@code [a-z0-9][a-z0-9_-]*}, at most 63 characters.
   */
  public RunResult sync(
      Plan plan,
      RunInput input,
      RecordSink sink,
      SyncMode mode,
      String syncName,
      RunListener runListener) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(mode, "mode");
    return Engine.sync(
        dev.pagewalk.plan.Plan.of(plan),
        input == null ? RunInput.empty() : input,
        sink,
        mode,
        syncName,
        plugins(runListener));
  }

  /**
   * As {@link #sync(Plan, RunInput, RecordSink, SyncMode)} with {@link SyncMode#RESUME} when {@code
   * resume} is true, else {@link SyncMode#APPEND}.
   */
  public RunResult sync(Plan plan, RunInput input, RecordSink sink, boolean resume) {
    return sync(plan, input, sink, resume, RunListener.NONE);
  }

  /** As {@link #sync(Plan, RunInput, RecordSink, boolean)}, with a listener for this run. */
  public RunResult sync(
      Plan plan, RunInput input, RecordSink sink, boolean resume, RunListener runListener) {
    return sync(plan, input, sink, resume ? SyncMode.RESUME : SyncMode.APPEND, null, runListener);
  }

  /**
   * The "count first, then write" pass: walks the API for keys only (nothing is written) and
   * compares them with the keys the destination holds. Memory grows with the number of keys. The
   * plan must declare {@code response.key}.
   */
  public Reconciliation reconcile(Plan plan, RunInput input, KeyListing destination) {
    if (!dev.pagewalk.plan.Plan.of(plan).declaresKey()) {
      throw new InputException(plan.name() + ": reconcile needs response.key in the spec");
    }
    java.util.Set<String> api = new java.util.HashSet<>();
    RunResult walk = run(plan, input, r -> api.add(RecordKeys.canonical(r.key())));
    java.util.Set<String> held;
    try {
      held = destination.keys(plan.name());
    } catch (java.io.IOException e) {
      throw new InputException(
          plan.name() + ": cannot list the destination's keys: " + e.getMessage());
    }
    List<String> missing = api.stream().filter(k -> !held.contains(k)).sorted().toList();
    List<String> extra = held.stream().filter(k -> !api.contains(k)).sorted().toList();
    return new Reconciliation(
        api.size(),
        held.size(),
        missing.size(),
        missing.subList(0, Math.min(20, missing.size())),
        extra.size(),
        extra.subList(0, Math.min(20, extra.size())),
        walk);
  }

  private Engine.Plugins plugins(RunListener runListener) {
    RunListener both =
        runListener == RunListener.NONE ? listener : Listeners.both(listener, runListener);
    return new Engine.Plugins(
        exchanger, clock, sleeper, both, correlationHeader, readAhead, tokenStore);
  }

  /**
   * Runs the {@code streams} of a connector (empty: all of them; a one-request spec is a connector
   * with one stream named after it), delivering each record with its stream's name to {@code
   * records}. A selected stream's parents are walked too, since their records drive its walks;
   * their own records are delivered only when they are selected as well. Walks run {@code
   * concurrency} at a time (the spec's) under one rate limit and one retry budget; {@code records}
   * is called by one walk at a time, from the runner's walk threads. Each walk's failure is in its
   * {@link StreamsResult.WalkResult}; invalid inputs or an unknown stream throw {@link
   * InputException} before any request is sent.
   */
  public StreamsResult runStreams(
      Plan plan,
      RunInput input,
      List<String> streams,
      BiConsumer<String, OutputRecord> records,
      RunListener runListener) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(records, "records");
    return ConnectorRun.run(
        Connector.of(plan),
        input == null ? RunInput.empty() : input,
        streams == null ? List.of() : streams,
        records,
        plugins(runListener));
  }

  /**
   * Runs the {@code streams} of a connector (empty: all of them) into {@code sink} as the sync
   * {@code syncName} (null: the spec's name), committing each page with the checkpoint of the walk
   * that fetched it and the walks its records spawned. {@code mode} says what happens to what the
   * sink holds: {@link SyncMode#APPEND} starts a fresh run (a destination that would hold records
   * twice refuses), {@link SyncMode#REPLACE} empties the streams and the state first, {@link
   * SyncMode#RESUME} continues the run the sink holds — its finished walks are not run again, its
   * unfinished ones continue from their own checkpoints, parents first. Refusals (another sync's
   * state, other streams) throw {@link InputException} before anything is written.
   */
  public StreamsResult syncStreams(
      Plan plan,
      RunInput input,
      List<String> streams,
      WalkSink sink,
      SyncMode mode,
      String syncName,
      RunListener runListener) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(mode, "mode");
    return ConnectorSync.sync(
        Connector.of(plan),
        input == null ? RunInput.empty() : input,
        streams == null ? List.of() : streams,
        sink,
        mode,
        syncName,
        plugins(runListener));
  }

  /** Pages {@link #estimate} reads of each walk it probes, unless told otherwise. */
  public static final int DEFAULT_PROBE_PAGES = 3;

  /**
   * Estimates a run of the {@code streams} of a connector (empty: all; a one-request spec is a
   * connector with one stream) before it is made, probing at most {@link #DEFAULT_PROBE_PAGES}
   * pages of each walk it samples.
   *
   * @see #estimate(Plan, RunInput, List, int)
   */
  public Estimate estimate(Plan plan, RunInput input, List<String> streams) {
    return estimate(plan, input, streams, DEFAULT_PROBE_PAGES);
  }

  /**
   * Estimates a run of the {@code streams} of a connector (empty: all; a one-request spec is a
   * connector with one stream) before it is made: each stream's walks, requests and records, the
   * run's wall time under {@code rateLimit} and {@code concurrency}, and which cap or deadline
   * would stop it. It sends requests of its own: the first {@code probePages} pages of a few walks
   * of each stream (a sample of partitions, a sample of parent records), so at most {@code
   * probePages} times the sample per stream, plus their chain steps. A walk that ends within its
   * probe is known exactly; the others are worked out from what their pages said, and the walks not
   * sampled from the mean of those that were.
   *
   * @throws InputException for an unknown stream, invalid inputs or a {@code probePages} below 1,
   *     before any request is sent
   */
  public Estimate estimate(Plan plan, RunInput input, List<String> streams, int probePages) {
    Objects.requireNonNull(plan, "plan");
    LinkTap tap = new LinkTap(transport);
    try (Exchanger probing = new Exchanger(tap, maxResponseBytes)) {
      Engine.Plugins plugins = plugins(RunListener.NONE);
      return dev.pagewalk.connector.Planner.estimate(
          Connector.of(plan),
          input == null ? RunInput.empty() : input,
          streams == null ? List.of() : streams,
          probePages,
          new Engine.Plugins(
              probing,
              plugins.clock(),
              plugins.sleeper(),
              plugins.listener(),
              plugins.correlationHeader(),
              plugins.readAhead(),
              plugins.tokenStore()),
          tap::latest);
    }
  }

  /**
   * Runs only the auth step of {@code plan}: fetches a token as a run would (a refresh token the
   * server rotates is saved in the token store), sends no other request and returns where the token
   * came from and when it expires — never the token.
   *
   * @throws InputException when the spec has no {@code auth} block or an input is invalid
   * @throws PagewalkException when the token endpoint refuses the credentials (error code {@code
   *     auth-refused}) or cannot be reached
   */
  public AuthCheck authenticate(Plan plan, RunInput input) {
    Objects.requireNonNull(plan, "plan");
    return Engine.authenticate(
        dev.pagewalk.plan.Plan.of(plan),
        input == null ? RunInput.empty() : input,
        plugins(RunListener.NONE));
  }

  /**
   * What {@link #authenticate} found.
   *
   * @param endpoint the token URL (or the login URL without its query), secrets masked
   * @param expiresAt when the token expires; null when the server did not say
   */
  public record AuthCheck(String endpoint, Instant expiresAt) {}

  /** Runs the plan and collects every record in memory (for small results and tests). */
  public Collected collect(Plan plan, RunInput input) {
    List<OutputRecord> out = new ArrayList<>();
    RunResult result = run(plan, input, out::add);
    return new Collected(List.copyOf(out), result);
  }

  /** The records of a run collected in memory, and its result. */
  public record Collected(List<OutputRecord> records, RunResult result) {}

  /**
   * Stops the read-ahead threads and the deadline timer, then closes the transport if the runner
   * created it. Runs still going send their requests themselves from then on.
   */
  @Override
  public void close() {
    if (readAhead != null) {
      readAhead.shutdownNow();
    }
    exchanger.close();
    if (ownsTransport) {
      transport.close();
    }
  }

  /** Configures a runner; every plug-in has a production default. */
  public static final class Builder {
    private Transport transport;
    private long maxResponseBytes = RequestLimits.DEFAULT_MAX_BODY_BYTES;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RunListener listener = RunListener.NONE;
    private String correlationHeader;
    private boolean readAhead = true;
    private TokenStore tokenStore;

    private Builder() {}

    /**
     * Where the tokens of a spec's {@code auth} block are kept between runs: a refresh token the
     * OAuth2 server rotates is saved there before the new access token is used, and later runs
     * start from it in place of the configured one. Default: none — a rotated token lives for the
     * run only.
     */
    public Builder tokenStore(TokenStore value) {
      this.tokenStore = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sends the run id on every request in this header (e.g. {@code X-Request-Id}), so the API's
     * logs can be matched with the run's report and audit log. Off by default.
     */
    public Builder correlationHeader(String headerName) {
      this.correlationHeader = Objects.requireNonNull(headerName);
      return this;
    }

    /**
     * Whether a run sends the next page's request while the page before it is written, on a thread
     * of the runner's (default: on). It is the same request, sent when the engine has already
     * decided to send it: the same requests go out in the same order, retries, events and counters
     * stay on the run's thread, and a walk with {@code pagination.delay} or a rate limit never
     * reads ahead. It overlaps the API's latency and the body's parsing with the sink's work. Off:
     * every request is sent by the run's thread, after the page before it is written (for a
     * transport that must be called from the run's thread).
     */
    public Builder readAhead(boolean value) {
      this.readAhead = value;
      return this;
    }

    /**
     * The transport: what sends one request to one URI and nothing more ({@link Transport}); the
     * runner follows redirects and enforces the network policy, deadlines and size caps itself,
     * whatever the transport. Default: Apache HttpClient 5, pooled, owned and closed by the runner.
     */
    public Builder transport(Transport value) {
      this.transport = Objects.requireNonNull(value);
      return this;
    }

    /** The largest response body accepted, in bytes after decompression (default: 64 MiB). */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be >= 1, got " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value);
      return this;
    }

    public Builder listener(RunListener value) {
      this.listener = Objects.requireNonNull(value);
      return this;
    }

    public Runner build() {
      return new Runner(this);
    }
  }
}
