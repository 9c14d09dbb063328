package dev.pagewalk.conformance.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.WaitReason;
import dev.pagewalk.conformance.VirtualTime;
import dev.pagewalk.conformance.livedata.Expectation;
import dev.pagewalk.conformance.livedata.FaultSpec;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.RateLimit;
import dev.pagewalk.conformance.livedata.Style;
import dev.pagewalk.http.ApacheTransport;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault-injection suite: every way a real API misbehaves that pagewalk claims to survive or to
 * report. Each scenario runs a whole spec against the live-data mock (12 records, pages of 5, token
 * paging) or a WireMock stub, with the engine and the mock sharing one {@link VirtualTime} — no
 * real waiting except the dribble past the deadline. Each must either complete with exactly the
 * dataset's records (none missing, none twice) and its retries counted, or stop with a clear error
 * naming the request and the cause, having emitted only whole accepted pages.
 *
 * <p>The last test renders the outcomes as {@code docs/faults.md} and fails when the file differs;
 * run with {@code -Dpagewalk.updateDocs=true} to rewrite it.
 */
class FaultSuiteTest {
  static final int SIZE = 12;
  static final int PAGE = 5;
  static final String TOKEN_SPEC =
      """
      pagewalk: 1
      name: faults
      baseUrl: https://api.example.com
      limits: {maxRecords: unlimited, maxRequests: 100, timeout: %s}
      retry: {maxAttempts: %d, backoff: {initial: 100ms, max: 2s}, retryAfter: {max: 60s}}
      %s
      request:
        url: /items
        qs: {limit: %d}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {page_token: "{{body.next_page_token}}"}
          condition: "{{body.next_page_token}}"
      """;

  static final List<FaultOutcome> OUTCOMES = new ArrayList<>();
  static final ApacheTransport TRANSPORT = new ApacheTransport();

  @AfterAll
  static void close() {
    TRANSPORT.close();
  }

  /** What the engine told its listener, and the records it delivered. */
  static final class Observed implements RunListener {
    final List<String> causes = new ArrayList<>();
    final List<Duration> retryDelays = new ArrayList<>();
    int rateWaits;
    final List<OutputRecord> records = new ArrayList<>();
    final List<Long> pageSizes = new ArrayList<>();
    RunResult result;

    @Override
    public void onRetry(RetryEvent retry) {
      causes.add(retry.cause().label());
      retryDelays.add(retry.delay());
    }

    @Override
    public void onWait(WaitReason why, Duration duration) {
      if (why == WaitReason.RATE_LIMIT) {
        rateWaits++;
      }
    }

    @Override
    public void onPage(PageEvent page) {
      pageSizes.add((long) page.emitted());
    }

    List<String> ids() {
      return records.stream().map(r -> String.valueOf(r.key())).toList();
    }

    List<String> events() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      causes.forEach(c -> counts.merge("retry: " + c, 1, Integer::sum));
      if (rateWaits > 0) {
        counts.put("rate-limit wait", rateWaits);
      }
      List<String> out = new ArrayList<>();
      counts.forEach((k, v) -> out.add(v == 1 ? k : k + " ×" + v));
      return out;
    }
  }

  static Observed run(
      String spec,
      String baseUrl,
      Transport transport,
      VirtualTime time,
      Map<String, Object> connection) {
    return run(spec, baseUrl, transport, time, connection, RequestLimits.DEFAULT_MAX_BODY_BYTES);
  }

  static Observed run(
      String spec,
      String baseUrl,
      Transport transport,
      VirtualTime time,
      Map<String, Object> connection,
      long maxResponseBytes) {
    Plan plan = Pagewalk.parse("faults.yaml", spec);
    Observed o = new Observed();
    try (Runner runner =
        Runner.builder()
            .transport(transport)
            .maxResponseBytes(maxResponseBytes)
            .clock(time)
            .sleeper(time)
            .build()) {
      RunInput input = RunInput.empty().withBaseUrl(baseUrl).withConnection(connection);
      o.result = runner.run(plan, input, o.records::add, o);
    }
    return o;
  }

  static String spec(String timeout, int attempts, String extra) {
    return TOKEN_SPEC.formatted(timeout, attempts, extra, PAGE);
  }

  // ---- live-data scenarios -------------------------------------------------------------

  /** Runs the token-paging spec against the live-data mock with the given faults. */
  static FaultOutcome live(
      String fault,
      String server,
      String timeout,
      int attempts,
      String extra,
      RateLimit limit,
      boolean mustComplete,
      FaultSpec... faults) {
    LiveDataConfig.Builder b =
        LiveDataConfig.builder().size(SIZE).style(Style.TOKEN).pageSize(PAGE);
    for (FaultSpec f : faults) {
      b.fault(f);
    }
    if (limit != null) {
      b.rateLimit(limit);
    }
    VirtualTime time = new VirtualTime();
    try (LiveDataServer mock = LiveDataServer.start(b.build(), time::millis)) {
      Observed o = run(spec(timeout, attempts, extra), mock.baseUrl(), TRANSPORT, time, Map.of());
      Expectation.Verdict verdict = mock.expectation().verify(o.ids());
      assertThat(verdict.duplicates()).as("records delivered twice").isEmpty();
      assertThat(o.result.stats().requests())
          .as("requests counted = requests served")
          .isEqualTo(mock.requestCount());
      assertThat(o.result.stats().retries())
          .as("every retry is an event")
          .isEqualTo(o.causes.size());
      if (mustComplete) {
        assertThat(o.result.failure()).as("failure").isNull();
        assertThat(verdict.missing()).as("missing records").isEmpty();
        assertThat(o.ids()).hasSize(SIZE);
      } else {
        assertThat(o.result.succeeded()).isFalse();
        assertThat(o.records.size() % PAGE).as("only whole pages are emitted").isZero();
      }
      return outcome(fault, server, o, mock.baseUrl());
    }
  }

  static FaultOutcome outcome(String fault, String server, Observed o, String baseUrl) {
    RunResult r = o.result;
    String outcome =
        r.succeeded()
            ? "complete (" + r.stopReason().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")"
            : "stops: " + r.stopReason().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String records =
        r.succeeded() && o.records.size() == SIZE
            ? "all " + SIZE + ", none twice"
            : o.records.size() + " of " + SIZE + " (whole pages only)";
    String error =
        r.failure() == null ? null : r.failure().getMessage().replace(baseUrl, "${baseUrl}");
    return new FaultOutcome(
        fault, server, outcome, records, r.stats().retries(), o.events(), error);
  }

  static FaultSpec.Status status(int request, int status, String retryAfter, Integer dateIn) {
    return new FaultSpec.Status(request, status, null, retryAfter, dateIn);
  }

  static List<Scenario> scenarios() {
    List<Scenario> s = new ArrayList<>();
    s.add(
        new Scenario(
            "429 storm, Retry-After seconds",
            () -> {
              FaultOutcome o =
                  live(
                      "429 storm, Retry-After in seconds",
                      "pages 2 and 3 answer 429 `Retry-After: 2` three times",
                      "5s",
                      5,
                      "",
                      null,
                      true,
                      status(2, 429, "2", null),
                      status(3, 429, "2", null),
                      status(4, 429, "2", null),
                      status(6, 429, "2", null),
                      status(7, 429, "2", null));
              assertThat(o.retries()).isEqualTo(5);
              return o;
            }));
    s.add(
        new Scenario(
            "429 with Retry-After HTTP-date",
            () ->
                live(
                    "429, Retry-After as an HTTP-date",
                    "page 2 answers 429 with `Retry-After` 3 s ahead (HTTP-date) twice",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    status(2, 429, null, 3),
                    status(3, 429, null, 3))));
    s.add(
        new Scenario(
            "503 burst",
            () ->
                live(
                    "503 burst",
                    "four 503s in a row on page 2",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    status(2, 503, null, null),
                    status(3, 503, null, null),
                    status(4, 503, null, null),
                    status(5, 503, null, null))));
    s.add(
        new Scenario(
            "500 on every page once",
            () ->
                live(
                    "500 on every page once",
                    "the first attempt at each page answers 500",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    status(1, 500, null, null),
                    status(3, 500, null, null),
                    status(5, 500, null, null))));
    s.add(
        new Scenario(
            "connection reset",
            () ->
                live(
                    "connection reset",
                    "socket reset by peer on page 2",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    new FaultSpec.Wire(2, Fault.CONNECTION_RESET_BY_PEER))));
    s.add(
        new Scenario(
            "empty response",
            () ->
                live(
                    "empty response",
                    "connection closed before any byte on page 2",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    new FaultSpec.Wire(2, Fault.EMPTY_RESPONSE))));
    s.add(
        new Scenario(
            "malformed chunk",
            () ->
                live(
                    "malformed chunk",
                    "an invalid chunked-encoding frame on page 2",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    new FaultSpec.Wire(2, Fault.MALFORMED_RESPONSE_CHUNK))));
    s.add(
        new Scenario(
            "random data then close",
            () ->
                live(
                    "garbage response",
                    "random bytes, then close, on page 2",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    new FaultSpec.Wire(2, Fault.RANDOM_DATA_THEN_CLOSE))));
    s.add(
        new Scenario(
            "truncated JSON",
            () ->
                live(
                    "truncated JSON",
                    "status 200 and half the body on page 2",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    new FaultSpec.TruncatedJson(2))));
    s.add(
        new Scenario(
            "slow dribble past the deadline",
            () ->
                live(
                    "slow dribble past the deadline",
                    "page 2 sent in 10 pieces over 1.5 s; `limits.timeout: 400ms`",
                    "400ms",
                    5,
                    "",
                    null,
                    true,
                    new FaultSpec.Dribble(2, 10, 1500))));
    s.add(
        new Scenario(
            "empty page with a next token",
            () ->
                live(
                    "empty page with a next token",
                    "page 2 comes back empty but with a next token",
                    "5s",
                    5,
                    "",
                    null,
                    true,
                    new FaultSpec.EmptyPageWithNext(2))));
    s.add(
        new Scenario(
            "rate limit, paced",
            () -> {
              FaultOutcome o =
                  live(
                      "server rate limit, client paced to it",
                      "3 requests per 1 s sliding window, 429 beyond; spec `rateLimit: {requests: 3, per: 1s}`",
                      "5s",
                      5,
                      "rateLimit: {requests: 3, per: 1s}",
                      new RateLimit(3, 1000),
                      true);
              assertThat(o.retries()).as("not a single 429").isZero();
              return o;
            }));
    s.add(
        new Scenario(
            "rate limit, not paced",
            () ->
                live(
                    "server rate limit, client not paced",
                    "2 requests per 1 s sliding window, 429 with Retry-After beyond",
                    "5s",
                    5,
                    "",
                    new RateLimit(2, 1000),
                    true)));
    s.add(
        new Scenario(
            "Retry-After beyond the cap",
            () ->
                live(
                    "Retry-After beyond retry.retryAfter.max",
                    "page 2 answers 429 `Retry-After: 3600`; cap 60 s",
                    "5s",
                    5,
                    "",
                    null,
                    false,
                    status(2, 429, "3600", null))));
    s.add(
        new Scenario(
            "persistent 503",
            () ->
                live(
                    "503 that never heals",
                    "page 2 answers 503 on every attempt; `maxAttempts: 3`",
                    "5s",
                    3,
                    "",
                    null,
                    false,
                    status(2, 503, null, null),
                    status(3, 503, null, null),
                    status(4, 503, null, null))));
    s.add(new Scenario("gzip bomb", FaultSuiteTest::gzipBomb));
    s.add(new Scenario("oversized body", FaultSuiteTest::oversized));
    s.add(new Scenario("deep JSON nesting", FaultSuiteTest::deepJson));
    s.add(new Scenario("redirect loop", FaultSuiteTest::redirectLoop));
    s.add(new Scenario("next URL to another origin", FaultSuiteTest::crossOrigin));
    s.add(new Scenario("private address", FaultSuiteTest::privateAddress));
    return s;
  }

  record Scenario(String name, Supplier<FaultOutcome> body) {}

  // ---- WireMock scenarios --------------------------------------------------------------

  static WireMockServer wiremock() {
    WireMockServer w =
        new WireMockServer(
            wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
    w.start();
    return w;
  }

  static final String PAGE_1 =
      "{\"data\":[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4},{\"id\":5}],\"next_page_token\":\"t2\"}";

  /** Page 1 is fine; page 2 is {@code bad}. A one-off transport caps bodies at 1 MiB. */
  static FaultOutcome badSecondPage(
      String fault,
      String server,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder bad) {
    return badSecondPage(fault, server, bad, 2);
  }

  static FaultOutcome badSecondPage(
      String fault,
      String server,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder bad,
      int served) {
    WireMockServer w = wiremock();
    try {
      w.stubFor(
          get(urlPathEqualTo("/items"))
              .withQueryParam(
                  "page_token", com.github.tomakehurst.wiremock.client.WireMock.absent())
              .willReturn(
                  aResponse().withHeader("Content-Type", "application/json").withBody(PAGE_1)));
      w.stubFor(
          get(urlPathEqualTo("/items"))
              .withQueryParam(
                  "page_token", com.github.tomakehurst.wiremock.client.WireMock.equalTo("t2"))
              .willReturn(bad));
      Observed o =
          run(spec("5s", 5, ""), w.baseUrl(), TRANSPORT, new VirtualTime(), Map.of(), 1024 * 1024);
      assertThat(o.result.succeeded()).isFalse();
      assertThat(o.result.stats().retries()).as("deterministic faults are not retried").isZero();
      assertThat(o.ids()).containsExactly("1", "2", "3", "4", "5");
      assertThat(w.getAllServeEvents()).hasSize(served);
      return outcome(fault, server, o, w.baseUrl());
    } finally {
      w.stop();
    }
  }

  static FaultOutcome gzipBomb() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 16; i++) {
        gz.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return badSecondPage(
        "gzip bomb",
        "page 2: " + bytes.size() / 1024 + " KiB of gzip inflating to 16 MiB; cap 1 MiB",
        aResponse()
            .withHeader("Content-Type", "application/json")
            .withHeader("Content-Encoding", "gzip")
            .withBody(bytes.toByteArray()));
  }

  static FaultOutcome oversized() {
    String big = "{\"data\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    return badSecondPage(
        "oversized body",
        "page 2 is 2 MiB; cap 1 MiB",
        aResponse().withHeader("Content-Type", "application/json").withBody(big));
  }

  static FaultOutcome deepJson() {
    String deep = "{\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    return badSecondPage(
        "deep JSON nesting",
        "page 2 nests arrays 5000 deep",
        aResponse().withHeader("Content-Type", "application/json").withBody(deep));
  }

  static FaultOutcome redirectLoop() {
    return badSecondPage(
        "redirect loop",
        "page 2 redirects to itself",
        aResponse().withStatus(302).withHeader("Location", "/items?page_token=t2"),
        3);
  }

  static FaultOutcome crossOrigin() {
    WireMockServer home = wiremock();
    WireMockServer other = wiremock();
    try {
      String spec =
          """
          pagewalk: 1
          name: next-url
          baseUrl: https://api.example.com
          connection:
            token: {type: string, secret: true, required: true}
          headers: {Authorization: "Bearer {{connection.token}}", X-Api-Key: "{{connection.token}}"}
          limits: {maxRecords: unlimited}
          request:
            url: /items
            response:
              iterate: "{{body.data}}"
              key: "{{item.id}}"
            pagination:
              url: "{{body.next}}"
              condition: "{{body.next}}"
          """;
      home.stubFor(
          get(urlPathEqualTo("/items"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"data\":[{\"id\":1},{\"id\":2}],\"next\":\""
                              + other.baseUrl()
                              + "/items?cursor=c2\"}")));
      other.stubFor(
          get(urlPathEqualTo("/items"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"data\":[{\"id\":3}],\"next\":null}")));
      Observed o =
          run(
              spec,
              home.baseUrl(),
              TRANSPORT,
              new VirtualTime(),
              Map.of("token", "sk-live-secret"));
      List<LoggedRequest> seen =
          other.findAll(
              com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                  com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).containsHeader("Authorization")).isFalse();
      assertThat(seen.get(0).containsHeader("X-Api-Key")).isFalse();
      assertThat(seen.get(0).getUrl()).doesNotContain("sk-live-secret");
      assertThat(home.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
          .isEqualTo("Bearer sk-live-secret");
      assertThat(o.result.succeeded()).isTrue();
      assertThat(o.ids()).containsExactly("1", "2", "3");
      return new FaultOutcome(
          "next URL to another origin",
          "page 1's next URL points at a second server",
          "complete (condition-false); the second origin "
              + "received no Authorization, no X-Api-Key",
          "all 3, none twice",
          o.result.stats().retries(),
          o.events(),
          null);
    } finally {
      home.stop();
      other.stop();
    }
  }

  static FaultOutcome privateAddress() {
    WireMockServer w = wiremock();
    try {
      w.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withBody(PAGE_1)));
      String spec = spec("5s", 5, "network: {denyPrivateAddresses: true}");
      Observed o =
          run(
              spec,
              w.baseUrl().replace("127.0.0.1", "localhost"),
              TRANSPORT,
              new VirtualTime(),
              Map.of());
      assertThat(o.result.succeeded()).isFalse();
      assertThat(o.result.stats().retries()).isZero();
      assertThat(w.getAllServeEvents()).isEmpty();
      return outcome(
          "private address",
          "`network.denyPrivateAddresses: true`; the API's host resolves to 127.0.0.1",
          o,
          w.baseUrl().replace("127.0.0.1", "localhost"));
    } finally {
      w.stop();
    }
  }

  // ---- the suite and its table ---------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> faults() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario s : scenarios()) {
      tests.add(DynamicTest.dynamicTest(s.name(), () -> OUTCOMES.add(s.body().get())));
    }
    tests.add(
        DynamicTest.dynamicTest("docs/faults.md matches the suite", FaultSuiteTest::checkDocs));
    return tests.stream();
  }

  static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("conformance-tests"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root").isNotNull();
    return dir.resolve("docs/faults.md");
  }

  static String render(List<FaultOutcome> outcomes) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Faults pagewalk is tested against\n\n")
        .append(
            "<!-- GENERATED by conformance-tests FaultSuiteTest; do not edit. Regenerate with\n")
        .append(
            "     mvn -B -q -o test -pl conformance-tests -am -Dtest='dev.pagewalk.conformance.faults.**'")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dpagewalk.updateDocs=true -->\n\n")
        .append(
            "Every row is one scenario of the fault-injection suite: a whole spec run against a mock API\n")
        .append(
            "(12 records, pages of 5, token paging, unless the row says otherwise) with the engine's\n")
        .append(
            "clock and sleeper on fake time. A run either completes with exactly the dataset's records\n")
        .append(
            "(none missing, none twice) and its retries counted, or stops with an error naming the\n")
        .append(
            "request and the cause after emitting only whole accepted pages. \"Events\" are the\n")
        .append(
            "`RetryEvent.cause` labels (also the keys of the report's `faults`) and rate-limit waits.\n\n")
        .append("| Fault | Server behaviour | Outcome | Records | Retries | Events | Error |\n")
        .append("|---|---|---|---|---|---|---|\n");
    outcomes.forEach(o -> sb.append(o.row()).append('\n'));
    return sb.toString();
  }

  static void checkDocs() throws IOException {
    assertThat(OUTCOMES).as("every scenario ran").hasSize(scenarios().size());
    String expected = render(OUTCOMES);
    Path file = docs();
    if (Boolean.getBoolean("pagewalk.updateDocs")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
      return;
    }
    String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .as("docs/faults.md is generated from this suite; rerun with -Dpagewalk.updateDocs=true")
        .isEqualTo(expected);
  }
}
