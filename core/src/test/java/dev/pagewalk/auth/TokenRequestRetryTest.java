package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats;
import dev.pagewalk.Runner;
import dev.pagewalk.WaitReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Token requests are requests of the run: retried under its shared retry budget, waiting as their
 * {@code Retry-After} says (within its cap), told to the listener and counted in the run's stats.
 */
class TokenRequestRetryTest {
  private final Stub server = new Stub();
  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private final List<RunListener.RetryEvent> retries = new CopyOnWriteArrayList<>();

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
        oauth2: {grant: client_credentials, tokenUrl: /oauth/token, clientId: app-1, clientSecret: s3cret}
      retry: {budget: {retries: %d}}
      request:
        url: /orders
        qs: {page: 1}
        response: {iterate: "{{body.data}}"}
        pagination:
          qs: {page: "{{pagination.page}}"}
          condition: "{{body.more}}"
      """;

  private RunResult run(int budget) {
    RunListener listener =
        new RunListener() {
          @Override
          public void onRetry(RetryEvent retry) {
            retries.add(retry);
          }
        };
    try (Runner runner =
        Runner.builder().sleeper(slept::add).listener(listener).readAhead(false).build()) {
      return runner
          .collect(
              Pagewalk.parse("orders.yaml", SPEC.formatted(server.url(), budget)), RunInput.empty())
          .result();
    }
  }

  @Test
  void aTokenEndpointThat503sTwiceWithRetryAfterIsWaitedForRetriedAndCounted() {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/oauth/token",
        g ->
            calls.incrementAndGet() <= 2
                ? new Stub.Answer(503, "{}", "7")
                : Stub.Answer.json("{\"access_token\": \"at-1\", \"expires_in\": 3600}"));
    server.on("/orders", g -> Stub.Answer.json("{\"data\": [{\"id\": 1}], \"more\": false}"));

    RunResult r = run(100);

    assertThat(r.failure()).isNull();
    assertThat(slept).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(retries)
        .extracting(RunListener.RetryEvent::request, RunListener.RetryEvent::attempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POST " + server.url() + "/oauth/token", 1),
            org.assertj.core.groups.Tuple.tuple("POST " + server.url() + "/oauth/token", 2));
    RunStats s = r.stats();
    assertThat(s.requests()).as("the page").isEqualTo(1);
    assertThat(s.authRequests()).as("three token requests").isEqualTo(3);
    assertThat(s.logicalRequests()).as("what limits.maxRequests caps: the page").isEqualTo(1);
    assertThat(s.retries()).isEqualTo(2);
    assertThat(s.faults(new RunStats.StatusFault(503))).isEqualTo(2);
    assertThat(s.waited(WaitReason.RETRY)).isEqualTo(Duration.ofSeconds(14));
  }

  @Test
  void aRetryBudgetAlreadySpentStopsTheTokenRequestsRetries() {
    AtomicInteger pages = new AtomicInteger();
    AtomicInteger tokens = new AtomicInteger();
    server.on(
        "/oauth/token",
        g ->
            tokens.incrementAndGet() == 1
                ? Stub.Answer.json("{\"access_token\": \"at-1\", \"expires_in\": 3600}")
                : new Stub.Answer(503, "{}", "7"));
    server.on(
        "/orders",
        g ->
            switch (pages.incrementAndGet()) {
              case 1 -> new Stub.Answer(503, "{}", "1");
              case 2 -> Stub.Answer.json("{\"data\": [{\"id\": 1}], \"more\": true}");
              default -> new Stub.Answer(401, "{}");
            });

    RunResult r = run(1);

    assertThat(r.failure().code()).isEqualTo(ErrorCode.HTTP_STATUS);
    assertThat(r.failure().getMessage())
        .isEqualTo(
            "orders: the token endpoint "
                + server.url()
                + "/oauth/token returned 503 Service Unavailable");
    assertThat(server.got("/oauth/token")).as("the one retry went to page 1").hasSize(2);
    assertThat(slept).containsExactly(Duration.ofSeconds(1));
    assertThat(r.stats().requests()).isEqualTo(3);
    assertThat(r.stats().authRequests()).isEqualTo(2);
    assertThat(r.stats().retries()).isEqualTo(1);
  }
}
