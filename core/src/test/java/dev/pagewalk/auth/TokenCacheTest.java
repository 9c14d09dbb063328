package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.state.TokenStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The access token is kept between runs in the token store: a later run sends it while it has more
 * than the margin left, and fetches a new one once it has not.
 */
class TokenCacheTest {
  private final Stub server = new Stub();
  private final List<String> timeline = new CopyOnWriteArrayList<>();
  private final TestClock clock = new TestClock();
  private final AtomicInteger issued = new AtomicInteger();

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String SPEC =
      """
      pagewalk: 1
      name: orders
      baseUrl: %s
      auth:
        oauth2: {grant: %s, tokenUrl: /oauth/token, clientId: app-1, clientSecret: s3cret, %s}
      request:
        url: /orders
        response: {iterate: "{{body.data}}"}
      """;

  private RunResult run(String grant, TokenStore store) {
    String extra = grant.equals("refresh_token") ? "refreshToken: rt-1" : "scope: orders";
    try (Runner runner = Runner.builder().sleeper(d -> {}).clock(clock).tokenStore(store).build()) {
      return runner
          .collect(
              Pagewalk.parse("orders.yaml", SPEC.formatted(server.url(), grant, extra)),
              RunInput.empty())
          .result();
    }
  }

  private void serve(String refreshToken) {
    server.on(
        "/oauth/token",
        g -> {
          int n = issued.incrementAndGet();
          timeline.add("token " + TokenLifecycleTest.form(g).get("refresh_token"));
          return Stub.Answer.json(
              "{\"access_token\": \"at-"
                  + n
                  + "\", \"expires_in\": 3600"
                  + (refreshToken == null ? "" : ", \"refresh_token\": \"" + refreshToken + "\"")
                  + "}");
        });
    server.on(
        "/orders",
        g -> {
          timeline.add("api " + g.header("Authorization"));
          return Stub.Answer.json("{\"data\": [{\"id\": 1}]}");
        });
  }

  @Test
  void aLaterRunSendsTheSavedAccessTokenWhileItIsFreshAndFetchesOnceItIsNot() {
    serve(null);
    MemoryTokenStore store = new MemoryTokenStore(timeline);

    RunResult first = run("client_credentials", store);
    clock.advance(Duration.ofMinutes(59)); // 60 s left: more than the 30 s margin
    RunResult second = run("client_credentials", store);
    clock.advance(Duration.ofSeconds(31)); // 29 s left
    RunResult third = run("client_credentials", store);

    assertThat(List.of(first, second, third)).allSatisfy(r -> assertThat(r.failure()).isNull());
    assertThat(timeline)
        .containsExactly(
            "token null",
            "saved null",
            "api Bearer at-1",
            "api Bearer at-1",
            "token null",
            "saved null",
            "api Bearer at-2");
    assertThat(second.stats().requests()).isEqualTo(1);
    assertThat(second.stats().authRequests()).as("no token request").isZero();
    assertThat(store.all().values())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.accessToken()).isEqualTo("at-2");
              assertThat(s.refreshToken()).as("none configured, none rotated").isNull();
              assertThat(s.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
            });
  }

  @Test
  void aSavedRefreshTokenIsKeptWhenAResponseBringsNoNewOne() {
    serve("rt-2");
    MemoryTokenStore store = new MemoryTokenStore(timeline);
    run("refresh_token", store);
    serve(null);
    clock.advance(Duration.ofHours(2));

    RunResult second = run("refresh_token", store);

    assertThat(second.failure()).isNull();
    assertThat(timeline)
        .containsExactly(
            "token rt-1",
            "saved rt-2",
            "api Bearer at-1",
            "token rt-2",
            "saved rt-2",
            "api Bearer at-2");
  }

  @Test
  void anAccessTokenRefusedByTheApiIsReplacedAndTheReplacementSaved() {
    serve(null);
    MemoryTokenStore store = new MemoryTokenStore(timeline);
    store.save(
        "orders " + server.url() + "/oauth/token app-1",
        new TokenStore.SavedTokens(null, "at-revoked", clock.instant().plusSeconds(3600)));
    server.on(
        "/orders",
        g -> {
          timeline.add("api " + g.header("Authorization"));
          return "Bearer at-revoked".equals(g.header("Authorization"))
              ? new Stub.Answer(401, "{}")
              : Stub.Answer.json("{\"data\": [{\"id\": 1}]}");
        });

    RunResult r = run("client_credentials", store);

    assertThat(r.failure()).isNull();
    assertThat(timeline)
        .containsExactly(
            "saved null", "api Bearer at-revoked", "token null", "saved null", "api Bearer at-1");
    assertThat(store.all().values())
        .singleElement()
        .extracting(s -> s.accessToken())
        .isEqualTo("at-1");
  }

  @Test
  void authenticateAsksTheServerEvenWithAFreshSavedToken() {
    serve(null);
    MemoryTokenStore store = new MemoryTokenStore(timeline);
    run("client_credentials", store);

    Runner.AuthCheck check;
    try (Runner runner = Runner.builder().clock(clock).tokenStore(store).build()) {
      check =
          runner.authenticate(
              dev.pagewalk.plan.Plan.of(
                  Pagewalk.parse(
                      "orders.yaml",
                      SPEC.formatted(server.url(), "client_credentials", "scope: orders"))),
              RunInput.empty());
    }

    assertThat(check.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
    assertThat(timeline)
        .containsExactly("token null", "saved null", "api Bearer at-1", "token null", "saved null");
  }

  @SuppressWarnings("unused")
  private static final Map<String, Object> NONE = Map.of();
}
