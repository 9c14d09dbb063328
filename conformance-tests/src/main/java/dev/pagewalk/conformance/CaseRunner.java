package dev.pagewalk.conformance;

import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.Mutation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs conformance cases: loads a case folder, serves its WireMock mappings (or its {@code
 * liveData} mock) on a loopback port, points the spec's {@code baseUrl} there, runs the engine with
 * a sleeper that does not wait (retries, backoff and delays cost no time) and holds the outcome
 * against the case's expectations. A case also fails when the mock API received a request no
 * mapping matched, so mappings with query matchers pin the exact request sequence.
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
      return verdict(
          name,
          c.description(),
          List.of("loading the spec threw " + e.getClass().getName() + ": " + e.getMessage()),
          null);
    }
    if (c.expect().expectsSpecError()) {
      return verdict(
          name,
          c.description(),
          List.of(
              "spec loaded, but the case expects it to fail"
                  + " with: "
                  + expectedSpecError(c.expect())),
          null);
    }
    Observed seen = execute(c, plan);
    return verdict(name, c.description(), CaseChecks.check(c.expect(), expected, keys, seen), seen);
  }

  static Plan loadSpec(ConformanceCase c) {
    if (c.spec() != null) {
      return Pagewalk.load(c.spec());
    }
    return Pagewalk.parse("specInline", c.specInline());
  }

  /**
   * The requests of the run among those {@code served}: without the token requests of an {@code
   * auth.oauth2} block, which are not requests of the run (and whose form holds the client secret).
   */
  private static java.util.List<ServedRequest> ofTheRun(
      java.util.List<ServedRequest> served, ConformanceCase c) {
    return fetchesOAuth2Tokens(c)
        ? served.stream().filter(s -> !s.tokenRequest()).toList()
        : served;
  }

  private static boolean fetchesOAuth2Tokens(ConformanceCase c) {
    try {
      String text = c.spec() != null ? java.nio.file.Files.readString(c.spec()) : c.specInline();
      Object doc =
          new org.yaml.snakeyaml.Yaml(
                  new org.yaml.snakeyaml.constructor.SafeConstructor(
                      new org.yaml.snakeyaml.LoaderOptions()))
              .load(text);
      return doc instanceof java.util.Map<?, ?> m
          && m.get("auth") instanceof java.util.Map<?, ?> auth
          && auth.containsKey("oauth2");
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  static Observed execute(ConformanceCase c, Plan plan) {
    if (c.liveData() != null) {
      return executeLive(c, plan);
    }
    try (MockApi api = new MockApi(c.dir());
        Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      Run run = run(c, plan, runner, api.baseUrl());
      return new Observed(
          run.records,
          run.keys,
          run.result,
          run.failure,
          run.thrown,
          api.baseUrl(),
          ofTheRun(api.served(), c),
          api.unmatched(),
          api.strayQueryParameters(),
          null,
          null,
          run.streams);
    }
  }

  /**
   * Runs against the live-data mock on a {@link VirtualTime} clock shared with the engine, so rate
   * limits and {@code Retry-After} dates see the time the engine waited. Every request the mock
   * received reached its base path (others answer 404 and fail the run), so there is no
   * unmatched-request check; the request count is still compared.
   */
  private static Observed executeLive(ConformanceCase c, Plan plan) {
    VirtualTime time = new VirtualTime();
    try (LiveDataServer server = LiveDataServer.start(c.liveData(), time::millis);
        Runner runner = Runner.builder().sleeper(time).clock(time).build()) {
      Run run = run(c, plan, runner, server.baseUrl());
      List<ServedRequest> served = new ArrayList<>();
      List<String> urls = server.requests();
      for (int i = 0; i < urls.size(); i++) {
        served.add(
            new ServedRequest(
                "GET", urls.get(i) + mutationsAfter(c.liveData(), i + 1), "", 0, true));
      }
      return new Observed(
          run.records,
          run.keys,
          run.result,
          run.failure,
          run.thrown,
          server.baseUrl(),
          served,
          List.of(),
          List.of(),
          server.answers(),
          server.expectation(),
          run.streams);
    }
  }

  /** {@code " then: insertHead 3"} for the mutations the mock applied after request {@code n}. */
  private static String mutationsAfter(LiveDataConfig config, int n) {
    List<String> done = new ArrayList<>();
    for (Mutation m : config.mutations()) {
      if (m.afterRequest() == n) {
        if (m instanceof Mutation.InsertHead h) {
          done.add("insertHead " + h.count());
        } else if (m instanceof Mutation.InsertTail t) {
          done.add("insertTail " + t.count());
        } else if (m instanceof Mutation.Delete d) {
          done.add("delete " + d.ids());
        } else if (m instanceof Mutation.Update u) {
          done.add("update " + u.ids());
        }
      }
    }
    return done.isEmpty() ? "" : "   then: " + String.join(", ", done);
  }

  private record Run(
      List<Object> records,
      List<Object> keys,
      RunResult result,
      String failure,
      boolean thrown,
      StreamsResult streams) {
    Run(List<Object> records, List<Object> keys, RunResult result, String failure, boolean thrown) {
      this(records, keys, result, failure, thrown, null);
    }
  }

  private static Run run(ConformanceCase c, Plan plan, Runner runner, String baseUrl) {
    RunInput input =
        RunInput.empty()
            .withParameters(c.parameters())
            .withConnection(c.connection())
            .withLimits(c.limits())
            .withBaseUrl(baseUrl);
    List<Object> records = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    RunResult result = null;
    String failure = null;
    boolean thrown = false;
    try {
      if (plan instanceof dev.pagewalk.plan.Connector) {
        return streams(plan, input, runner);
      }
      result =
          runner.run(
              plan,
              input,
              (OutputRecord r) -> {
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
    return new Run(records, keys, result, failure, thrown);
  }

  /**
   * A connector's run: each record as {@code {"stream", "record"}} (walks run side by side, so such
   * cases compare records unordered), its failure the first failed walk's, and the streams' result
   * for {@code expect.streams}; there is no single run result to compare a stop reason with.
   */
  private static Run streams(Plan plan, RunInput input, Runner runner) {
    List<Object> records = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    StreamsResult result =
        runner.runStreams(
            plan,
            input,
            List.of(),
            (stream, r) -> {
              Map<String, Object> line = new java.util.LinkedHashMap<>();
              line.put("stream", stream);
              line.put("record", r.value());
              records.add(line);
              keys.add(r.key());
            },
            dev.pagewalk.RunListener.NONE);
    String failure =
        result.streams().stream()
            .flatMap(s -> s.walks().stream())
            .map(StreamsResult.WalkResult::failure)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    return new Run(records, keys, null, failure, false, result);
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
        : List.of(
            "spec error: expected "
                + expectedSpecError(expect)
                + "\n  got\n    "
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
            file.getFileName() + ":" + (i + 1) + ": not one JSON value: " + e.getOriginalMessage(),
            e);
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
