package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.state.TokenStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A token's life in a run, over real HTTP on loopback: rotation saved before use and used by the
 * next run, expiry mid-pagination on an injected clock, refusal, a token endpoint that 503s, a
 * login session, and a 401 mid-walk answered by one refresh and the same page re-sent.
 */
class TokenLifecycleTest {
  private final Stub server = new Stub();
  private final List<String> timeline = new CopyOnWriteArrayList<>();
  private final TestClock clock = new TestClock();

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String SPEC =
      """
      pagewalk: 1
      name: orders
      baseUrl: %s
      connection:
        client_id: {type: string}
        client_secret: {type: string, secret: true}
        refresh_token: {type: string, secret: true}
        user: {type: string}
        password: {type: string, secret: true}
      auth:
      %s
      request:
        url: /orders
        qs: {page: 1}
        response: {iterate: "{{body.data}}"}
        pagination:
          qs: {page: "{{pagination.page}}"}
          condition: "{{body.more}}"
      """;

  private static final String REFRESH =
      """
      oauth2:
        grant: refresh_token
        tokenUrl: /oauth/token
        clientId: "{{connection.client_id}}"
        clientSecret: "{{connection.client_secret}}"
        refreshToken: "{{connection.refresh_token}}"
      """;

  private static final Map<String, Object> CONNECTION =
      Map.of(
          "client_id", "app-1",
          "client_secret", "client-s3cret",
          "refresh_token", "rt-1",
          "user", "ann",
          "password", "pa55word");

  private Runner.Collected run(String auth, TokenStore store) {
    String yaml = SPEC.formatted(server.url(), auth.indent(2).stripTrailing());
    Runner.Builder b = Runner.builder().sleeper(d -> {}).clock(clock).readAhead(false);
    if (store != null) {
      b.tokenStore(store);
    }
    try (Runner runner = b.build()) {
      return runner.collect(
          Pagewalk.parse("orders.yaml", yaml), RunInput.empty().withConnection(CONNECTION));
    }
  }

  static Map<String, String> form(Stub.Got g) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : g.body().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  static String page(Stub.Got g) {
    return g.query() == null ? "" : g.query();
  }

  /** Pages 1..{@code pages}: each answered when it carries a token {@code valid} accepts. */
  private void api(int pages, Function<String, Boolean> valid) {
    server.on(
        "/orders",
        g -> {
          String token = String.valueOf(g.header("Authorization")).replace("Bearer ", "");
          timeline.add("api " + page(g) + " " + token);
          if (!valid.apply(token)) {
            return new Stub.Answer(401, "{\"message\": \"token expired\"}");
          }
          clock.advance(Duration.ofSeconds(30));
          int p = Integer.parseInt(page(g).replace("page=", ""));
          return Stub.Answer.json(
              "{\"data\": [{\"id\": " + p + "}], \"more\": " + (p < pages) + "}");
        });
  }

  private static List<Object> ids(Runner.Collected c) {
    return c.records().stream()
        .map(r -> ((Map<?, ?>) r.value()).get("id"))
        .map(Object.class::cast)
        .toList();
  }

  @Nested
  class Rotation {
    @Test
    void savesTheRotatedRefreshTokenBeforeItsAccessTokenIsUsedAndTheNextRunStartsFromIt() {
      AtomicInteger issued = new AtomicInteger();
      server.on(
          "/oauth/token",
          g -> {
            String rt = form(g).get("refresh_token");
            int n = issued.incrementAndGet();
            timeline.add("token " + rt);
            if (!rt.equals("rt-" + n)) {
              return new Stub.Answer(
                  400,
                  "{\"error\": \"invalid_grant\", \"error_description\": \"refresh token reused\"}");
            }
            return Stub.Answer.json(
                "{\"access_token\": \"at-"
                    + n
                    + "\", \"expires_in\": 3600, \"refresh_token\": \"rt-"
                    + (n + 1)
                    + "\"}");
          });
      api(1, t -> true);
      MemoryTokenStore store = new MemoryTokenStore(timeline);

      Runner.Collected first = run(REFRESH, store);
      clock.advance(Duration.ofHours(1)); // at-1 has expired: the next run needs a refresh
      Runner.Collected second = run(REFRESH, store);

      assertThat(first.result().failure()).isNull();
      assertThat(second.result().failure()).isNull();
      assertThat(timeline)
          .containsExactly(
              "token rt-1",
              "saved rt-2",
              "api page=1 at-1",
              "token rt-2",
              "saved rt-3",
              "api page=1 at-2");
      assertThat(store.all().values())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.refreshToken()).isEqualTo("rt-3");
                assertThat(s.accessToken()).isEqualTo("at-2");
                assertThat(s.expiresAt())
                    .isEqualTo(clock.instant().minusSeconds(30).plusSeconds(3600));
              });
    }

    @Test
    void aResponseWithoutARefreshTokenKeepsTheOneInUse() {
      AtomicInteger issued = new AtomicInteger();
      server.on(
          "/oauth/token",
          g -> {
            timeline.add("token " + form(g).get("refresh_token"));
            return Stub.Answer.json(
                "{\"access_token\": \"at-" + issued.incrementAndGet() + "\", \"expires_in\": 20}");
          });
      api(2, t -> true);
      MemoryTokenStore store = new MemoryTokenStore(timeline);

      assertThat(ids(run(REFRESH, store))).containsExactly(1L, 2L);
      assertThat(timeline)
          .containsExactly(
              "token rt-1",
              "saved null",
              "api page=1 at-1",
              "token rt-1",
              "saved null",
              "api page=2 at-2");
      assertThat(store.all().values())
          .as("the access token is kept, the configured refresh token is not copied")
          .singleElement()
          .satisfies(s -> assertThat(s.refreshToken()).isNull());
    }
  }

  @Test
  void renewsAnExpiringTokenMidPagination() {
    AtomicInteger issued = new AtomicInteger();
    server.on(
        "/oauth/token",
        g -> {
          timeline.add("token");
          return Stub.Answer.json(
              "{\"access_token\": \"at-" + issued.incrementAndGet() + "\", \"expires_in\": 75}");
        });
    api(4, t -> true);

    Runner.Collected c = run(REFRESH, null);

    // lives 75 s, renewed 7.5 s early; every page takes 30 s of the clock
    assertThat(ids(c)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(timeline)
        .containsExactly(
            "token",
            "api page=1 at-1",
            "api page=2 at-1",
            "api page=3 at-1",
            "token",
            "api page=4 at-2");
  }

  @Test
  void a401MidWalkRefreshesOnceAndSendsTheSamePageAgain() {
    AtomicInteger issued = new AtomicInteger();
    server.on(
        "/oauth/token",
        g -> {
          timeline.add("token");
          return Stub.Answer.json(
              "{\"access_token\": \"at-" + issued.incrementAndGet() + "\", \"expires_in\": 3600}");
        });
    AtomicInteger calls = new AtomicInteger();
    api(3, t -> calls.incrementAndGet() != 2 || !t.equals("at-1"));

    Runner.Collected c = run(REFRESH, null);

    assertThat(ids(c)).containsExactly(1L, 2L, 3L);
    assertThat(timeline)
        .containsExactly(
            "token",
            "api page=1 at-1",
            "api page=2 at-1",
            "token",
            "api page=2 at-2",
            "api page=3 at-2");
    assertThat(c.result().stats().requests()).as("page requests that went out").isEqualTo(4);
    assertThat(c.result().stats().authRequests()).as("token requests").isEqualTo(2);
    assertThat(c.result().stats().logicalRequests()).as("pages asked for").isEqualTo(3);
  }

  @Test
  void aSecondRefusalAfterTheRefreshFailsTheRunNamingTheStatus() {
    server.on(
        "/oauth/token",
        g -> Stub.Answer.json("{\"access_token\": \"at-x\", \"expires_in\": 3600}"));
    api(1, t -> false);

    RunResult r = run(REFRESH, null).result();

    assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(r.failure().code()).isEqualTo(ErrorCode.HTTP_STATUS);
    assertThat(r.failure().getMessage())
        .isEqualTo(
            "orders: GET "
                + server.url()
                + "/orders?page=1 returned 401 again after the token was refreshed"
                + " (auth.refreshOn)");
    assertThat(server.got("/oauth/token")).hasSize(2);
    assertThat(server.got("/orders")).hasSize(2);
  }

  @Test
  void invalidGrantIsAConfigurationErrorThatIsNeverRetried() {
    server.on(
        "/oauth/token",
        g ->
            new Stub.Answer(
                400,
                "{\"error\": \"invalid_grant\", \"error_description\": \"refresh token rt-1 expired\"}"));
    api(1, t -> true);

    RunResult r = run(REFRESH, null).result();

    assertThat(r.failure().code()).isEqualTo(ErrorCode.AUTH_REFUSED);
    assertThat(r.failure().getMessage())
        .isEqualTo(
            "orders: the connection's credentials were refused by "
                + server.url()
                + "/oauth/token: invalid_grant (refresh token *** expired)");
    assertThat(server.got("/oauth/token")).hasSize(1);
    assertThat(server.got("/orders")).isEmpty();
  }

  @Test
  void aTokenEndpointThat503sTwiceIsRetriedUnderTheRunsRetryRules() {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/oauth/token",
        g ->
            calls.incrementAndGet() <= 2
                ? new Stub.Answer(503, "{}")
                : Stub.Answer.json("{\"access_token\": \"at-1\", \"expires_in\": 3600}"));
    api(1, t -> t.equals("at-1"));

    Runner.Collected c = run(REFRESH, null);

    assertThat(c.result().failure()).isNull();
    assertThat(ids(c)).containsExactly(1L);
    assertThat(server.got("/oauth/token")).hasSize(3);
  }

  @Test
  void aLoginSession() {
    server.on(
        "/session",
        g ->
            g.body().equals("{\"username\":\"ann\",\"password\":\"pa55word\"}")
                ? Stub.Answer.json("{\"session\": {\"id\": \"sess-1\"}, \"ttl\": 600}")
                : new Stub.Answer(403, "{}"));
    server.on(
        "/orders",
        g ->
            "sess-1".equals(g.header("X-Session"))
                ? Stub.Answer.json("{\"data\": [{\"id\": 1}], \"more\": false}")
                : new Stub.Answer(401, "{}"));

    Runner.Collected c =
        run(
            """
            login:
              url: /session
              body: {username: "{{connection.user}}", password: "{{connection.password}}"}
              token: "{{body.session.id}}"
              expiresIn: "{{body.ttl}}"
            apply: {headers: {X-Session: "{{auth.token}}"}}
            """,
            null);

    assertThat(c.result().failure()).isNull();
    assertThat(ids(c)).containsExactly(1L);
    assertThat(server.got("/session"))
        .singleElement()
        .extracting(Stub.Got::method)
        .isEqualTo("POST");
    assertThat(server.got("/orders").get(0).header("Authorization")).isNull();
  }

  @Test
  void theTokenIsAVariableOfTheRequestAndCanGoInTheQuery() {
    server.on(
        "/oauth/token",
        g -> Stub.Answer.json("{\"access_token\": \"at 1\", \"expires_in\": 3600}"));
    server.on("/orders", g -> Stub.Answer.json("{\"data\": [{\"id\": 1}], \"more\": false}"));

    Runner.Collected c = run(REFRESH + "apply: {qs: {access_token: \"{{auth.token}}\"}}\n", null);

    assertThat(c.result().failure()).isNull();
    assertThat(server.got("/orders").get(0).query()).isEqualTo("page=1&access_token=at%201");
    assertThat(server.got("/orders").get(0).header("Authorization")).isNull();
  }

  @SuppressWarnings("unused")
  private static List<OutputRecord> none() {
    return List.of();
  }
}
