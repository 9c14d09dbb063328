package dev.pagewalk.cli;

import dev.pagewalk.Estimate;
import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.audit.AuditLog;
import dev.pagewalk.connector.ConnectorReport;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sinks.Sinks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code pagewalk run} of a connector's streams: records to stdout as {@code {"stream", "record"}}
 * lines (plain records when only one stream is written), to {@code --out DIR}, one {@code
 * STREAM.jsonl} per stream, or to a database ({@code sqlite:}, {@code postgresql://}): one table
 * {@code SYNC.STREAM} per stream and each walk's state, so that {@code --resume} continues only the
 * walks that had not finished; a summary per stream on stderr; the streams report with {@code
 * --report}; every walk's pages in one {@code --audit-log}. SIGINT or SIGTERM stops the walks after
 * their pages in flight and prints the command that continues the run.
 */
final class StreamsRun {
  /** Failed walks named in the summary, per stream. */
  private static final int NAMED = 5;

  private final Plan plan;
  private final List<String> streams;
  private final String out;
  private final String report;
  private final FailOn failOn;
  private final boolean quiet;
  private boolean estimateFirst;
  private ProgressLine progress;
  private Path auditLog;
  private Supplier<String> continueWith;
  private final Sync sync;

  /**
   * How a run into {@code --out DIR} treats what the directory holds: {@code mode} from {@code
   * --resume}/{@code --replace}, the sync's name ({@code --sync-name}, null: the spec's) and the
   * state directory ({@code --state}, null: {@code .pagewalk-state} beside DIR).
   */
  record Sync(SyncMode mode, String name, Path stateDir) {}

  StreamsRun(
      Plan plan,
      List<String> streams,
      String out,
      String report,
      FailOn failOn,
      boolean quiet,
      Sync sync) {
    this.plan = plan;
    this.streams = streams == null ? List.of() : streams;
    this.out = out;
    this.report = report;
    this.failOn = failOn;
    this.quiet = quiet;
    this.sync = sync;
  }

  /** Estimates the run first ({@code run --plan}), to set the estimate against what it did. */
  StreamsRun withPlan(boolean estimateFirst) {
    this.estimateFirst = estimateFirst;
    return this;
  }

  /** Draws {@code progress} (null: none) as the walks go. */
  StreamsRun withProgress(ProgressLine progress) {
    this.progress = progress;
    return this;
  }

  /** Writes the audit log of every walk into {@code file} (null: none). */
  StreamsRun withAuditLog(Path file) {
    this.auditLog = file;
    return this;
  }

  /** The command that continues the run ({@code --resume}), printed when a signal stops it. */
  StreamsRun withContinueCommand(Supplier<String> command) {
    this.continueWith = command;
    return this;
  }

  private RunListener listener(Writer audit) {
    RunListener shown = progress == null ? RunListener.NONE : progress;
    return audit == null ? shown : RunListener.both(shown, new AuditLog(audit));
  }

  /** Runs the streams; the exit code. */
  int run(RunInput input, PrintWriter stdout, PrintWriter err) {
    List<String> written = streams.isEmpty() ? plan.streamNames() : streams;
    WalkSink db =
        SinkTarget.database(out) ? SinkTarget.walkSink(out, plan, written, sync.name()) : null;
    Path dir = out == null || db != null ? null : Path.of(out);
    if (dir != null) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UsageException("cannot create --out " + out + ": " + e.getMessage(), e);
      }
    }
    StreamsResult result;
    Estimate estimate = null;
    boolean stoppable = continueWith != null;
    try (Writer audit = auditLog == null ? null : openAuditLog();
        GracefulStop stop = stoppable ? GracefulStop.install(err) : null;
        WalkSink tables = db;
        JsonLinesWriter lines =
            dir != null || db != null || "-".equals(report)
                ? null
                : new JsonLinesWriter(uncloseable(stdout));
        Runner runner =
            Runner.builder().tokenStore(SinkTarget.tokenStore(out, sync.stateDir())).build()) {
      if (estimateFirst) {
        estimate = runner.estimate(plan, input, streams);
      }
      RunListener listener = listener(audit);
      try {
        result =
            tables != null
                ? runner.syncStreams(
                    plan, input, streams, tables, sync.mode(), sync.name(), listener)
                : dir != null
                    ? syncInto(dir, runner, input, listener)
                    : runner.runStreams(
                        plan,
                        input,
                        streams,
                        (stream, record) -> write(stream, record, lines, written.size() > 1),
                        listener);
      } finally {
        if (stop != null) {
          stop.runEnded();
        }
      }
      if (lines != null) {
        lines.flush();
      }
    } catch (InputException e) {
      err.println("pagewalk run: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (progress != null) {
        progress.clear();
      }
    }
    stdout.flush();
    if (!quiet) {
      summary(result, err);
      if (estimate != null) {
        PlanComparison.lines(estimate, result).forEach(err::println);
      }
    }
    int code = exitCode(result);
    if (code == ExitCodes.CANCELLED && continueWith != null) {
      err.println(stopped(result));
    }
    writeReport(result, estimate, stdout);
    err.flush();
    return code;
  }

  /** How far a run a signal stopped got, and how to continue it. */
  private String stopped(StreamsResult result) {
    long records =
        result.streams().stream()
            .filter(StreamResult::selected)
            .mapToLong(StreamResult::records)
            .sum();
    String stopped =
        "pagewalk run: stopped after " + records + " record" + (records == 1 ? "" : "s");
    return out != null && !"-".equals(out)
        ? stopped + "; continue with: " + continueWith.get()
        : stopped
            + " (records went to stdout, which keeps no checkpoint: give --out DIR to be able"
            + " to resume)";
  }

  private Writer openAuditLog() {
    try {
      return Files.newBufferedWriter(auditLog, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot write --audit-log " + auditLog + ": " + e.getMessage(), e);
    }
  }

  /**
   * The streams into {@code DIR/STREAM.jsonl}, each page committed with its walk's state in the
   * state directory, so that {@code --resume} continues only the walks that had not finished.
   */
  private StreamsResult syncInto(Path dir, Runner runner, RunInput input, RunListener listener)
      throws IOException {
    Path state = sync.stateDir() != null ? sync.stateDir() : Sinks.defaultStateDir(dir);
    String name = sync.name() != null ? sync.name() : plan.name();
    try (WalkSink sink = WalkSink.jsonLinesDirectory(dir, state, name)) {
      return runner.syncStreams(plan, input, streams, sink, sync.mode(), sync.name(), listener);
    }
  }

  private static void write(
      String stream, OutputRecord record, JsonLinesWriter lines, boolean tagged) {
    if (lines == null) {
      return;
    }
    try {
      if (tagged) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("stream", stream);
        line.put("record", record.value());
        lines.write(line);
      } else {
        lines.write(record.value());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a record: " + e.getMessage(), e);
    }
  }

  private static Writer uncloseable(PrintWriter stdout) {
    return new java.io.FilterWriter(stdout) {
      @Override
      public void close() {
        stdout.flush();
      }
    };
  }

  private static void summary(StreamsResult result, PrintWriter err) {
    for (StreamResult s : result.streams()) {
      long failed = s.walks().stream().filter(w -> w.failure() != null).count();
      long earlier = s.walks().stream().filter(WalkResult::finishedEarlier).count();
      err.println(
          s.name()
              + ": "
              + s.verdict()
              + ", "
              + s.records()
              + " records, "
              + s.requests()
              + " requests, "
              + s.walks().size()
              + (s.walks().size() == 1 ? " walk" : " walks")
              + (failed == 0 ? "" : " (" + failed + " failed)")
              + (earlier == 0 ? "" : " (" + earlier + " finished in an earlier run)")
              + (s.selected() ? "" : "; walked for its children, not written"));
      s.walks().stream()
          .filter(w -> w.failure() != null)
          .limit(NAMED)
          .forEach(w -> err.println("  walk " + label(w) + " failed: " + w.failure()));
    }
    dev.pagewalk.connector.CapAdvice.of(result).forEach(line -> err.println("  " + line));
    err.println(result.verdict() + ": " + result.spec());
  }

  private static String label(WalkResult w) {
    return w.walk().isEmpty() ? "(the only one)" : w.walk();
  }

  private void writeReport(StreamsResult result, Estimate estimate, PrintWriter stdout) {
    if (report == null) {
      return;
    }
    String json = ConnectorReport.json(result, estimate);
    if (report.equals("-")) {
      stdout.println(json);
      stdout.flush();
      return;
    }
    try {
      Files.writeString(Path.of(report), json + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot write --report " + report + ": " + e.getMessage(), e);
    }
  }

  /**
   * A cancelled walk: 5; a failed one: 4; a truncated one: 3; else the run's verdict against {@code
   * --fail-on}.
   */
  private int exitCode(StreamsResult result) {
    List<StopReason> reasons =
        result.streams().stream()
            .flatMap(s -> s.walks().stream())
            .map(WalkResult::stopReason)
            .distinct()
            .toList();
    if (reasons.contains(StopReason.CANCELLED)) {
      return ExitCodes.CANCELLED;
    }
    if (reasons.stream().anyMatch(r -> r.kind() == StopReason.Kind.FAILED)) {
      return ExitCodes.RUN_FAILURE;
    }
    if (reasons.stream().anyMatch(r -> r.kind() == StopReason.Kind.TRUNCATED)) {
      return ExitCodes.TRUNCATED;
    }
    return failOn != null && failOn.fails(result.verdict())
        ? ExitCodes.VERDICT
        : ExitCodes.COMPLETE;
  }
}
