package dev.pagewalk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pagewalk.Estimate;
import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.connector.EstimateJson;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.plan.Connector;
import java.io.PrintWriter;
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
 * {@code pagewalk plan}: estimates a run before it is made — each stream's walks, requests and
 * records, the wall time, and which cap or deadline would stop it — from the first pages of a few
 * walks per stream.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Estimate a run's requests, records and time before making it.",
      "Each stream's walks, requests and records, the wall time under rateLimit and",
      "concurrency, and which cap or deadline would stop the run, from the first",
      "pages of a few walks per stream (a sample of partitions and of parent records).",
      "A walk that ends within its probe is counted exactly; the table marks figures",
      "worked out from what the probes saw with ~ and floors with ≥."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.COMPLETE + ":the run would end by itself",
      ExitCodes.SPEC_HELP,
      ExitCodes.TRUNCATED + ":a cap or deadline would stop the run",
      ExitCodes.RUN_FAILURE + ":a probe request failed (its stream's figures are a floor)",
      ExitCodes.USAGE_HELP
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pagewalk plan github.yaml -p org=acme -c token=env:GITHUB_TOKEN",
      "  pagewalk plan github.yaml -p org=acme --streams issues --format json"
    })
final class PlanCommand implements Callable<Integer> {
  /** How the estimate is printed. */
  enum Format {
    table,
    json
  }

  @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML).")
  Path specFile;

  @Mixin InputOptions inputs = new InputOptions();

  @Option(
      names = "--streams",
      paramLabel = "STREAM",
      split = ",",
      description =
          "Estimate only these streams of a connector (default: all) and the parents they need.")
  List<String> streams;

  @Mixin LimitOptions limits = new LimitOptions();

  @Option(
      names = "--probe-pages",
      paramLabel = "N",
      description =
          "Pages to read at most of each walk probed (default: "
              + Runner.DEFAULT_PROBE_PAGES
              + "). A walk that ends within them is"
              + " counted exactly; more pages cost more probe requests.")
  int probePages = Runner.DEFAULT_PROBE_PAGES;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
  Format format = Format.table;

  @ParentCommand PagewalkCommand parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      dev.pagewalk.Plan loaded;
      try {
        loaded = Pagewalk.load(specFile);
      } catch (SpecException e) {
        SpecErrors.print(e, err);
        return ExitCodes.SPEC_ERROR;
      }
      Estimate estimate;
      try (Runner runner = Runner.builder().build()) {
        estimate =
            runner.estimate(
                loaded,
                inputs.input(parent.environment().variables()).withLimits(limits.overrides()),
                streams,
                probePages);
      }
      if (format == Format.json) {
        out.println(json(estimate));
      } else {
        PlanTable.lines(estimate, Connector.of(loaded)).forEach(out::println);
      }
      out.flush();
      return exitCode(estimate);
    } catch (UsageException | InputException e) {
      return fail(err, e.getMessage(), ExitCodes.USAGE);
    } catch (PagewalkException e) {
      return fail(err, e.getMessage(), ExitCodes.RUN_FAILURE);
    }
  }

  static String json(Estimate estimate) {
    try {
      return JsonConfig.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build()
          .writeValueAsString(EstimateJson.document(estimate));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int exitCode(Estimate estimate) {
    if (estimate.streams().stream().anyMatch(s -> s.failure() != null)) {
      return ExitCodes.RUN_FAILURE;
    }
    return estimate.stops().isEmpty() ? ExitCodes.COMPLETE : ExitCodes.TRUNCATED;
  }

  private static int fail(PrintWriter err, String message, int code) {
    err.println("pagewalk plan: " + message);
    err.flush();
    return code;
  }
}
