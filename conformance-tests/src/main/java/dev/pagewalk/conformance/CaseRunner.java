package dev.pagewalk.conformance;

import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs conformance cases: loads a case folder, serves its WireMock mappings on a loopback port,
 * points the spec's {@code baseUrl} there, runs the engine with a sleeper that does not wait
 * (retries, backoff and delays cost no time) and holds the outcome against the case's
 * expectations. A case also fails when the mock API received a request no mapping matched, so
 * mappings with query matchers pin the exact request sequence.
 *
 * <p>Stateless and thread-safe; each call starts and stops its own mock server.
 */
public final class CaseRunner {

  /** Runs the case in {@code dir}, named after the folder. */
  public CaseResult run(Path dir) {
    return run(dir, dir.getFileName().toString());
  }

  /** Runs the case in {@code dir} under the given name (used in the report). */
  public CaseResult run(Path dir, String name) {
    ConformanceCase c;
    List<Object> expected;
    List<Object> keys;
    try {
      c = CaseLoader.load(dir, name);
      expected = c.expect().records() == null ? null : jsonLines(c.expect().records());
      keys = c.expect().keys() == null ? null : jsonLines(c.expect().keys());
    } catch (CaseFormatException e) {
      return verdict(name, null, List.of("case cannot be read: " + e.getMessage()), null);
    }
    Plan plan;
    try {
      plan = loadSpec(c);
    } catch (SpecException e) {
      return verdict(name, c.description(), specFailed(c.expect(), e.getMessage()), null);
    } catch (RuntimeException e) {
      return verdict(name, c.description(),
          List.of("loading the spec threw " + e.getClass().getName() + ": " + e.getMessage()), null);
    }
    if (c.expect().expectsSpecError()) {
      return verdict(name, c.description(), List.of("spec loaded, but the case expects it to fail"
          + " with: " + expectedSpecError(c.expect())), null);
    }
    Observed seen = execute(c, plan);
    return verdict(name, c.description(), CaseChecks.check(c.expect(), expected, keys, seen), seen);
  }

  private static Plan loadSpec(ConformanceCase c) {
    if (c.spec() != null) {
      return Pagewalk.load(c.spec());
    }
    return Pagewalk.parse("specInline", c.specInline());
  }

  private static Observed execute(ConformanceCase c, Plan plan) {
    try (MockApi api = new MockApi(c.dir());
        Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      RunInput input =
          RunInput.empty()
              .withParameters(c.parameters())
              .withConnection(c.connection())
              .withLimits(c.limits())
              .withBaseUrl(api.baseUrl());
      List<Object> records = new ArrayList<>();
      List<Object> keys = new ArrayList<>();
      RunResult result = null;
      String failure = null;
      boolean thrown = false;
      try {
        result = runner.run(plan, input, (OutputRecord r) -> {
          records.add(r.value());
          keys.add(r.key());
        });
        failure = result.failure() == null ? null : result.failure().getMessage();
      } catch (InputException e) {
        failure = e.getMessage();
        thrown = true;
      } catch (RuntimeException e) {
        failure = "the engine threw " + e.getClass().getName() + ": " + e.getMessage();
        thrown = true;
      }
      return new Observed(records, keys, result, failure, thrown, api.baseUrl(), api.served(), api.unmatched(),
          api.strayQueryParameters());
    }
  }

  private static List<String> specFailed(Expectation expect, String message) {
    if (!expect.expectsSpecError()) {
      return List.of("spec failed to load:\n  " + message.replace("\n", "\n  "));
    }
    boolean ok =
        (expect.specError() == null || expect.specError().equals(message))
            && (expect.specErrorContains() == null || message.contains(expect.specErrorContains()));
    return ok
        ? List.of()
        : List.of("spec error: expected " + expectedSpecError(expect) + "\n  got\n    "
            + message.replace("\n", "\n    "));
  }

  private static String expectedSpecError(Expectation expect) {
    return expect.specError() != null
        ? "exactly\n    " + expect.specError().replace("\n", "\n    ")
        : "a message containing\n    " + expect.specErrorContains();
  }

  private static List<Object> jsonLines(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new CaseFormatException(file + ": cannot read: " + e, e);
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        out.add(JsonValues.parse(lines.get(i)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new CaseFormatException(
            file.getFileName() + ":" + (i + 1) + ": not one JSON value: " + e.getOriginalMessage(), e);
      }
    }
    return out;
  }

  private static CaseResult verdict(
      String name, String description, List<String> problems, Observed seen) {
    return new CaseResult(
        name, problems.isEmpty(), problems, CaseReport.render(name, description, problems, seen));
  }
}
