package dev.pagewalk.cli;

import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk run}: loads a spec, runs it and writes the records as JSON Lines; progress, the
 * summary and errors go to stderr, so stdout stays clean for the data.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a spec and write its records to stdout as JSON Lines.",
      "One compact JSON object per line. Progress (on a terminal) and a summary go to stderr."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.RUN_COMPLETE_HELP, ExitCodes.SPEC_HELP, ExitCodes.TRUNCATED_HELP,
      ExitCodes.FAILURE_HELP, ExitCodes.CANCELLED_HELP, ExitCodes.VERDICT_HELP,
      ExitCodes.USAGE_HELP
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pagewalk run stripe.yaml -c api_key=env:STRIPE_KEY -p limit=100 > out.jsonl",
      "  pagewalk run stripe.yaml -c secrets.yaml --max-records unlimited -o all.jsonl",
      "  pagewalk run stripe.yaml -c secrets.yaml --report - | jq .stopReason",
      "  pagewalk run stripe.yaml -o sqlite:stripe.db --fail-on unverified",
      "",
      "Ctrl-C (SIGINT) or SIGTERM stops the run after the page in flight, writes the",
      "report and prints the command that continues it (--resume); a second signal",
      "stops at once."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML).")
  Path specFile;

  @Mixin InputOptions inputs = new InputOptions();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE|DIR|sqlite:PATH|postgresql://...",
      description =
          "Where the records go (default: stdout, as JSON Lines): a JSON Lines FILE, "
              + "a SQLite database (sqlite:out.db) or PostgreSQL "
              + "(postgresql://user:pass@host:5432/db). One table per sync (--sync-name), rows "
              + "upserted by key; a checkpoint is saved with every page. For a connector's streams: "
              + "a DIR that gets one STREAM.jsonl per stream.")
  String out;

  @Option(
      names = "--streams",
      paramLabel = "STREAM",
      split = ",",
      description =
          "Run only these streams of a connector (default: all); the streams they need as "
              + "parents are walked too, and not written. With streams, --out is a DIR that "
              + "gets one STREAM.jsonl per stream, and stdout gets {\"stream\", \"record\"} lines.")
  List<String> streams;

  @Option(
      names = "--plan",
      description =
          "Estimate the run first, as 'pagewalk plan' does (its probes are extra requests), and "
              + "set the estimate against what the run did: in the summary, and per stream in "
              + "--report. Runs the spec as a connector's streams, as --streams does.")
  boolean plan;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      description =
          "Where a JSON Lines --out file keeps its checkpoints (a connector's --out DIR, its"
              + " walk journal), and a spec with an auth block its tokens; by default the"
              + " directory .pagewalk-state next to the file or DIR (in the current directory for"
              + " stdout). Databases keep both in the database.")
  Path stateDir;

  @Option(
      names = "--resume",
      description =
          "Continue from the last checkpoint in --out: from the beginning if there is "
              + "none, nothing if the last run completed. Refused when the checkpoint belongs to "
              + "another sync (the spec, a parameter, the base URL or connection values changed).")
  boolean resume;

  @Option(
      names = "--replace",
      description =
          "Start the sync over: empty its table (or the --out file) and forget its "
              + "checkpoint first. Without it, a full run into a JSON Lines file that already holds "
              + "records is refused, and so is a run whose checkpoint belongs to another sync.")
  boolean replace;

  @Option(
      names = "--sync-name",
      paramLabel = "NAME",
      description =
          "The sync's name (default: the spec's name): it names the table and the "
              + "checkpoint, so one database can hold the same spec for several inputs side by side. "
              + "Lower-case letters, digits, '-' and '_'.")
  String syncName;

  @Option(
      names = "--report",
      paramLabel = "FILE|-",
      description =
          "Write a JSON report of the run (stop reason, counts, failure) to FILE; with "
              + "'-' to stdout instead of the records (which then go to --out or nowhere).")
  String report;

  @Mixin LimitOptions limits = new LimitOptions();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      converter = FailOn.Converter.class,
      completionCandidates = FailOn.Candidates.class,
      description =
          "Exit "
              + ExitCodes.VERDICT
              + " when a run that ended naturally has a "
              + "completeness verdict at or below LEVEL: incomplete (fail on INCOMPLETE) or "
              + "unverified (fail on UNVERIFIED or INCOMPLETE). Default: never; the verdict is in the "
              + "summary and the report either way.")
  FailOn failOn;

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description =
          "Write one JSON line per page (paging state, request with secrets masked, "
              + "status, attempts, items, first and last key, duration) and per retry to FILE. "
              + "For a connector's streams: one log for the run, each line with its stream and "
              + "walk, and one end line per walk with its verdict.")
  Path auditLog;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress line and no summary; failures are still printed.")
  boolean quiet;

  @ParentCommand PagewalkCommand parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      RunInput input = input();
      checkReportTarget();
      dev.pagewalk.Plan loaded;
      try {
        loaded = Pagewalk.load(specFile);
      } catch (SpecException e) {
        SpecErrors.print(e, err);
        return ExitCodes.SPEC_ERROR;
      }
      if (streams != null || plan || loaded instanceof dev.pagewalk.plan.Connector) {
        checkSyncMode();
        dev.pagewalk.plan.Plan shared = dev.pagewalk.plan.Connector.of(loaded).shared();
        return new StreamsRun(
                loaded,
                streams,
                out,
                report,
                failOn,
                quiet,
                new StreamsRun.Sync(syncMode(), syncName, stateDir))
            .withPlan(plan)
            .withAuditLog(auditLog)
            .withContinueCommand(
                () ->
                    ResumeCommand.of(spec.commandLine().getParseResult(), secretParameters(shared)))
            .withProgress(
                !quiet && parent.environment().terminal()
                    ? ProgressLine.forWalks(
                        err,
                        System::nanoTime,
                        WalkBoard.of(loaded, streams == null ? List.of() : streams))
                    : null)
            .run(input, spec.commandLine().getOut(), err);
      }
      Plan plan = Plan.of(loaded);
      try (JsonLinesOut lines = stdoutLines();
          dev.pagewalk.sink.RecordSink sink = SinkTarget.open(out, stateDir, lines)) {
        RunResult result = execute(plan, input, sink, lines, err);
        if (result == null) {
          return ExitCodes.USAGE;
        }
        lines.flush();
        Limits limits = plan.limits().with(input.limits());
        if (!quiet) {
          result.notes().forEach(note -> err.println("pagewalk run: " + note));
          err.println(RunSummary.text(result, limits));
        } else if (result.failure() != null) {
          err.println("pagewalk run: " + result.failure().getMessage());
        }
        int code = FailOn.exitCode(result, failOn);
        printOutcome(result, code, plan, err);
        writeReport(result, limits);
        return code;
      }
    } catch (UsageException e) {
      err.println("pagewalk run: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println(
          "pagewalk run: cannot close --out " + SinkTarget.redacted(out) + ": " + e.getMessage());
      err.flush();
      return ExitCodes.RUN_FAILURE;
    }
  }

  private RunResult execute(
      Plan plan,
      RunInput input,
      dev.pagewalk.sink.RecordSink sink,
      JsonLinesOut lines,
      PrintWriter err) {
    ProgressLine progress =
        !quiet && parent.environment().terminal() ? new ProgressLine(err, System::nanoTime) : null;
    try (Runner runner = runner(plan);
        java.io.Writer audit =
            auditLog == null
                ? java.io.Writer.nullWriter()
                : java.nio.file.Files.newBufferedWriter(auditLog, StandardCharsets.UTF_8);
        GracefulStop stop = GracefulStop.install(err)) {
      dev.pagewalk.RunListener feedback = new PageFeedback(lines, progress);
      if (auditLog != null) {
        feedback = dev.pagewalk.RunListener.both(feedback, new dev.pagewalk.audit.AuditLog(audit));
      }
      try {
        return runner.sync(plan, input, stop.guard(sink), syncMode(), syncName, feedback);
      } finally {
        stop.runEnded();
      }
    } catch (IOException e) {
      throw new UsageException("cannot write --audit-log " + auditLog + ": " + e.getMessage(), e);
    } catch (InputException e) {
      err.println("pagewalk run: " + e.getMessage());
      err.flush();
      return null;
    } finally {
      if (progress != null) {
        progress.clear();
      }
    }
  }

  /**
   * A runner that keeps the tokens of a spec with an {@code auth} block where the records go: in
   * the database of a {@code sqlite:}/{@code postgresql:} --out, else as files in --state (or the
   * default state directory), so a refresh token the server rotated is there for the next run.
   */
  private Runner runner(Plan plan) {
    Runner.Builder builder = Runner.builder();
    if (plan.auth() != null) {
      builder.tokenStore(SinkTarget.tokenStore(out, stateDir));
    }
    return builder.build();
  }

  /** After the summary: how to continue a cancelled run, or why the verdict failed it. */
  private void printOutcome(RunResult result, int code, Plan plan, PrintWriter err) {
    if (code == ExitCodes.CANCELLED) {
      long records = result.stats().recordsEmitted();
      String stopped =
          "pagewalk run: stopped at page "
              + (result.stats().pages() + 1)
              + " after "
              + records
              + " record"
              + (records == 1 ? "" : "s");
      err.println(
          SinkTarget.durable(out)
              ? stopped
                  + "; continue with: "
                  + ResumeCommand.of(spec.commandLine().getParseResult(), secretParameters(plan))
              : stopped
                  + " (records went to stdout, which keeps no checkpoint: give --out FILE to"
                  + " be able to resume)");
    } else if (code == ExitCodes.VERDICT) {
      err.println(
          "pagewalk run: verdict "
              + result.report().verdict()
              + " is at or below --fail-on "
              + failOn.wireName()
              + ": exit "
              + ExitCodes.VERDICT);
    }
    err.flush();
  }

  private static java.util.Set<String> secretParameters(Plan plan) {
    java.util.Set<String> names = new java.util.HashSet<>();
    plan.parameters()
        .forEach(
            p -> {
              if (p.secret()) {
                names.add(p.name());
              }
            });
    return names;
  }

  private RunInput input() {
    return inputs.input(parent.environment().variables()).withLimits(limits.overrides());
  }

  private dev.pagewalk.SyncMode syncMode() {
    return resume
        ? dev.pagewalk.SyncMode.RESUME
        : replace ? dev.pagewalk.SyncMode.REPLACE : dev.pagewalk.SyncMode.APPEND;
  }

  /** JSON Lines on stdout, unless --out names a sink or --report - takes stdout. */
  private JsonLinesOut stdoutLines() {
    checkSyncMode();
    if (SinkTarget.durable(out) || "-".equals(report)) {
      return JsonLinesOut.discarding();
    }
    return JsonLinesOut.writingTo(spec.commandLine().getOut(), false);
  }

  /** --resume and --replace exclude each other, and --resume needs an --out to resume from. */
  private void checkSyncMode() {
    if (resume && replace) {
      throw new UsageException(
          "--resume and --replace exclude each other: continue the last run,"
              + " or start the sync over");
    }
    if (resume && !SinkTarget.durable(out)) {
      throw new UsageException(
          "--resume needs an --out that keeps checkpoints: a FILE, "
              + "sqlite:PATH or postgresql://...; stdout has nothing to resume from");
    }
  }

  private void checkReportTarget() {
    if (report == null || report.equals("-")) {
      return;
    }
    Path parentDir = Path.of(report).toAbsolutePath().getParent();
    if (parentDir != null && !Files.isDirectory(parentDir)) {
      throw new UsageException("cannot write --report " + report + ": no directory " + parentDir);
    }
  }

  private void writeReport(RunResult result, Limits limits) {
    if (report == null) {
      return;
    }
    String json = RunReport.json(result, limits);
    if (report.equals("-")) {
      PrintWriter stdout = spec.commandLine().getOut();
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
}
