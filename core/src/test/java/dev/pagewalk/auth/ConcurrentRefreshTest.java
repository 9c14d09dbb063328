package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.engine.send.Attempt;
import dev.pagewalk.engine.send.Call;
import dev.pagewalk.engine.send.Chain;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Eight walks share one token: when the server refuses it on all of them at once, one token request
 * replaces it for all, and each walk's request goes again with the new token — for eight threads
 * through the auth link, and for the eight partition walks of a connector with {@code concurrency:
 * 8}.
 */
class ConcurrentRefreshTest {
  private static final int WALKS = 8;

  @Test
  void eightRefusalsAtOnceCauseOneTokenRequest() throws Exception {
    CyclicBarrier together = new CyclicBarrier(WALKS);
    AtomicInteger issued = new AtomicInteger();
    try (Stub server = new Stub();
        Exchanger exchanger =
            new Exchanger(
                new dev.pagewalk.http.ApacheTransport(
                    dev.pagewalk.http.TransportConfig.defaults()))) {
      server.on(
          "/oauth/token",
          g -> {
            sleep(200); // a slow token endpoint: the other walks ask while it is busy
            return Stub.Answer.json(
                "{\"access_token\": \"at-"
                    + issued.incrementAndGet()
                    + "\", \"expires_in\": 3600}");
          });
      server.on(
          "/items",
          g -> {
            if ("Bearer at-1".equals(g.header("Authorization"))) {
              await(together); // every walk holds the old token before any is refused
              return new Stub.Answer(401, "{}");
            }
            return Stub.Answer.json("{}");
          });
      Plan plan =
          Plan.of(
              Pagewalk.parse(
                  "items.yaml",
                  """
                  pagewalk: 1
                  name: items
                  baseUrl: %s
                  auth:
                    oauth2: {grant: client_credentials, tokenUrl: /oauth/token, clientId: a, clientSecret: b}
                  request: {url: /items}
                  """
                      .formatted(server.url())));
      Auth auth =
          Auth.of(
              "items",
              plan.auth(),
              name -> null,
              server.url(),
              dev.pagewalk.engine.send.Pipeline.forCredentials(
                  new dev.pagewalk.engine.send.Retrying(
                      "items",
                      plan.retry(),
                      new dev.pagewalk.engine.send.Statuses(plan.retry(), plan.sync()),
                      new dev.pagewalk.engine.send.RetryBudget(plan.retry()),
                      (header, now) -> java.util.Optional.empty(),
                      Clock.systemUTC(),
                      d -> {},
                      new dev.pagewalk.RunListener() {},
                      new java.util.SplittableRandom()),
                  exchanger),
              RequestLimits.of(Duration.ofSeconds(10)),
              Clock.systemUTC(),
              null);

      ExecutorService walks = Executors.newFixedThreadPool(WALKS);
      List<Future<Attempt>> sent = new ArrayList<>();
      for (int i = 0; i < WALKS; i++) {
        Call call =
            new Call(
                new HttpRequest(
                    "GET", URI.create(server.url() + "/items?walk=" + i), Headers.empty(), null),
                "GET /items?walk=" + i,
                false,
                RequestLimits.of(Duration.ofSeconds(10)),
                null);
        sent.add(walks.submit(() -> auth.link().intercept(chain(call, exchanger))));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Attempt> f : sent) {
        statuses.add(f.get(30, TimeUnit.SECONDS).response().response().status());
      }
      walks.shutdownNow();

      assertThat(statuses).containsOnly(200).hasSize(WALKS);
      assertThat(server.got("/oauth/token")).as("the first token, then one refresh").hasSize(2);
      assertThat(server.got("/items")).hasSize(2 * WALKS);
      assertThat(
              server.got("/items").stream()
                  .filter(g -> "Bearer at-2".equals(g.header("Authorization"))))
          .hasSize(WALKS);
    }
  }

  @Test
  void eightWalksOfAConnectorRefusedAtOnceCauseOneTokenRequest() {
    CyclicBarrier together = new CyclicBarrier(WALKS);
    AtomicInteger issued = new AtomicInteger();
    try (Stub server = new Stub()) {
      server.on(
          "/oauth/token",
          g -> {
            sleep(200);
            return Stub.Answer.json(
                "{\"access_token\": \"at-"
                    + issued.incrementAndGet()
                    + "\", \"expires_in\": 3600}");
          });
      server.on(
          "/items",
          g -> {
            if ("Bearer at-1".equals(g.header("Authorization"))) {
              await(together); // all eight walks hold the first token before any is refused
              return new Stub.Answer(401, "{}");
            }
            return Stub.Answer.json("[{\"id\": \"" + g.query() + "\"}]");
          });
      String spec =
          """
          pagewalk: 1
          name: shop
          baseUrl: %s
          concurrency: 8
          auth:
            oauth2: {grant: client_credentials, tokenUrl: /oauth/token, clientId: a, clientSecret: b}
          streams:
            items:
              partitions: {values: [0, 1, 2, 3, 4, 5, 6, 7]}
              request:
                url: /items
                qs: {p: "{{partition}}"}
                response: {iterate: "{{body}}"}
          """
              .formatted(server.url());
      List<String> records = new java.util.concurrent.CopyOnWriteArrayList<>();
      dev.pagewalk.StreamsResult result;
      try (dev.pagewalk.Runner runner = dev.pagewalk.Runner.builder().build()) {
        result =
            runner.runStreams(
                Pagewalk.parse("shop.yaml", spec),
                dev.pagewalk.RunInput.empty(),
                List.of(),
                (stream, r) -> records.add(String.valueOf(((Map<?, ?>) r.value()).get("id"))),
                dev.pagewalk.RunListener.NONE);
      }

      assertThat(result.streams().get(0).walks())
          .hasSize(WALKS)
          .allSatisfy(w -> assertThat(w.failure()).isNull());
      assertThat(records)
          .containsExactlyInAnyOrder("p=0", "p=1", "p=2", "p=3", "p=4", "p=5", "p=6", "p=7");
      assertThat(server.got("/oauth/token")).as("the first token, then one refresh").hasSize(2);
      assertThat(server.got("/items")).hasSize(2 * WALKS);
      assertThat(result.streams().get(0).requests())
          .as("eight refused, eight sent again")
          .isEqualTo(2 * WALKS);
    }
  }

  private static Chain chain(Call first, Exchanger exchanger) {
    return new Chain() {
      @Override
      public Call call() {
        return first;
      }

      @Override
      public Attempt proceed(Call call) {
        try {
          return Attempt.answered(exchanger.send(call.http(), call.limits(), null));
        } catch (IOException e) {
          return Attempt.failed(e);
        }
      }
    };
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unused")
  private static final Map<String, Object> NONE = Map.of();
}
