package dev.pagewalk;

import dev.pagewalk.engine.Engine;
import dev.pagewalk.http.ApacheTransport;
import dev.pagewalk.http.Transport;
import dev.pagewalk.http.TransportConfig;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.sink.RecordSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs plans. Holds the plug-ins a platform provides — transport, clock, sleeper, listener — and
 * is thread-safe: one runner serves any number of concurrent runs of any plans. Records are
 * delivered page by page as they arrive; memory grows with the page, never with the total.
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
  private final Clock clock;
  private final Sleeper sleeper;
  private final RunListener listener;

  private Runner(Builder b) {
    this.ownsTransport = b.transport == null;
    this.transport = b.transport != null ? b.transport : new ApacheTransport(TransportConfig.defaults());
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the plan, delivering each record to {@code records} as its page is accepted. Failures
   * end the run and are reported in the result ({@link RunResult#failure()}); invalid inputs
   * throw {@link InputException} before any request is sent.
   */
  public RunResult run(Plan plan, RunInput input, Consumer<OutputRecord> records) {
    return run(plan, input, records, RunListener.NONE);
  }

  /** As {@link #run(Plan, RunInput, Consumer)}, with a listener for this run only. */
  public RunResult run(
      Plan plan, RunInput input, Consumer<OutputRecord> records, RunListener runListener) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(records, "records");
    return Engine.run(plan, input == null ? RunInput.empty() : input, records, plugins(runListener));
  }

  /**
   * Runs the plan into a sink, writing a checkpoint with every page (in the same transaction
   * where the sink can). With {@code resume}, continues from the sink's last checkpoint: from the
   * beginning if there is none, nothing at all if the last run completed; a spec that changed
   * since the checkpoint is refused with {@link InputException}. A fresh run of a spec with
   * {@code sync.incremental} starts from the watermark of the last complete run ({@code
   * state.cursor}, {@code state.tieBreaker}).
   */
  public RunResult sync(Plan plan, RunInput input, RecordSink sink, boolean resume) {
    return sync(plan, input, sink, resume, RunListener.NONE);
  }

  /** As {@link #sync(Plan, RunInput, RecordSink, boolean)}, with a listener for this run. */
  public RunResult sync(
      Plan plan, RunInput input, RecordSink sink, boolean resume, RunListener runListener) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(sink, "sink");
    return Engine.sync(plan, input == null ? RunInput.empty() : input, sink, resume, plugins(runListener));
  }

  private Engine.Plugins plugins(RunListener runListener) {
    RunListener both =
        runListener == RunListener.NONE ? listener : Listeners.both(listener, runListener);
    return new Engine.Plugins(transport, clock, sleeper, both);
  }

  /** Runs the plan and collects every record in memory (for small results and tests). */
  public Collected collect(Plan plan, RunInput input) {
    List<OutputRecord> out = new ArrayList<>();
    RunResult result = run(plan, input, out::add);
    return new Collected(List.copyOf(out), result);
  }

  /** The records of a run collected in memory, and its result. */
  public record Collected(List<OutputRecord> records, RunResult result) {}

  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }

  /** Configures a runner; every plug-in has a production default. */
  public static final class Builder {
    private Transport transport;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RunListener listener = RunListener.NONE;

    /** The transport; default: Apache HttpClient 5, pooled, owned and closed by the runner. */
    public Builder transport(Transport value) {
      this.transport = Objects.requireNonNull(value);
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
