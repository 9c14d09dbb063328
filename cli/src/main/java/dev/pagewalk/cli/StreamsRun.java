package dev.pagewalk.cli;

import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.Runner.StreamResult;
import dev.pagewalk.Runner.StreamsResult;
import dev.pagewalk.Runner.WalkResult;
import dev.pagewalk.StopReason;
import dev.pagewalk.connector.ConnectorReport;
import dev.pagewalk.json.JsonLinesWriter;
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

/**
 * {@code pagewalk run} of a connector's streams: records to stdout as {@code {"stream", "record"}}
 * lines (plain records when only one stream is written), or to {@code --out DIR}, one {@code
 * STREAM.jsonl} per stream; a summary per stream on stderr; the streams report with {@code
 * --report}.
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

  StreamsRun(
      Plan plan, List<String> streams, String out, String report, FailOn failOn, boolean quiet) {
    this.plan = plan;
    this.streams = streams == null ? List.of() : streams;
    this.out = out;
    this.report = report;
    this.failOn = failOn;
    this.quiet = quiet;
  }

  /** Runs the streams; the exit code. */
  int run(RunInput input, PrintWriter stdout, PrintWriter err) {
    if (out != null && (out.startsWith("sqlite:") || out.startsWith("postgresql:"))) {
      throw new UsageException(
          "a connector's streams go to --out DIR (one STREAM.jsonl per stream) or stdout;"
              + " a database destination is not available for streams yet");
    }
    Path dir = out == null ? null : Path.of(out);
    if (dir != null) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UsageException("cannot create --out " + out + ": " + e.getMessage(), e);
      }
    }
    int written = streams.isEmpty() ? plan.streamNames().size() : streams.size();
    Map<String, JsonLinesWriter> files = new LinkedHashMap<>();
    StreamsResult result;
    try (JsonLinesWriter lines =
            dir != null || "-".equals(report) ? null : new JsonLinesWriter(uncloseable(stdout));
        Runner runner = Runner.builder().tokenStore(SinkTarget.tokenStore(out, null)).build()) {
      result =
          runner.runStreams(
              plan,
              input,
              streams,
              (stream, record) -> write(stream, record, lines, files, dir, written > 1),
              RunListener.NONE);
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
      closeAll(files);
    }
    stdout.flush();
    if (!quiet) {
      summary(result, err);
    }
    writeReport(result, stdout);
    err.flush();
    return exitCode(result);
  }

  private static void write(
      String stream,
      OutputRecord record,
      JsonLinesWriter lines,
      Map<String, JsonLinesWriter> files,
      Path dir,
      boolean tagged) {
    try {
      if (dir != null) {
        JsonLinesWriter file = files.get(stream);
        if (file == null) {
          file =
              new JsonLinesWriter(
                  Files.newBufferedWriter(dir.resolve(stream + ".jsonl"), StandardCharsets.UTF_8));
          files.put(stream, file);
        }
        file.write(record.value());
      } else if (lines != null) {
        if (tagged) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("stream", stream);
          line.put("record", record.value());
          lines.write(line);
        } else {
          lines.write(record.value());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a record: " + e.getMessage(), e);
    }
  }

  private static void closeAll(Map<String, JsonLinesWriter> files) {
    for (JsonLinesWriter w : files.values()) {
      try {
        w.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
              + (s.selected() ? "" : "; walked for its children, not written"));
      s.walks().stream()
          .filter(w -> w.failure() != null)
          .limit(NAMED)
          .forEach(w -> err.println("  walk " + label(w) + " failed: " + w.failure()));
    }
    err.println(result.verdict() + ": " + result.spec());
  }

  private static String label(WalkResult w) {
    return w.walk().isEmpty() ? "(the only one)" : w.walk();
  }

  private void writeReport(StreamsResult result, PrintWriter stdout) {
    if (report == null) {
      return;
    }
    String json = ConnectorReport.json(result);
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
