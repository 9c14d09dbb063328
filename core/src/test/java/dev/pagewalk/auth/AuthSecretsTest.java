package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.sink.JsonLinesSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets of the auth block — client secret, refresh and access tokens — never reach what a run
 * writes: its error message, its retry events, its report, its checkpoint (which holds the
 * placeholder {@code {{auth.token}}} and gets the token current on resume).
 */
class AuthSecretsTest {
  private final Stub server = new Stub();
  @TempDir Path dir;

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
        client_secret: {type: string}
        refresh_token: {type: string}
      auth:
        oauth2:
          grant: refresh_token
          tokenUrl: /oauth/token
          clientId: app-1
          clientSecret: "{{connection.client_secret}}"
          refreshToken: "{{connection.refresh_token}}"
      request:
        url: /orders
        qs: {sig: "{{auth.token}}", page: 1}
        response:
          iterate: "{{body.data}}"
          error: {message: "{{body.message}}"}
        pagination:
          qs: {page: "{{pagination.page}}"}
          condition: "{{body.more}}"
      """;

  private RunResult sync(boolean resume, RunListener listener) throws Exception {
    try (Runner runner = Runner.builder().sleeper(d -> {}).readAhead(false).build();
        JsonLinesSink sink = JsonLinesSink.toFile(dir.resolve("out.jsonl"), dir.resolve("state"))) {
      return runner.sync(
          Pagewalk.parse("orders.yaml", SPEC.formatted(server.url())),
          RunInput.empty()
              .withConnection(
                  Map.of("client_secret", "client-s3cret", "refresh_token", "refresh-1")),
          sink,
          resume ? dev.pagewalk.SyncMode.RESUME : dev.pagewalk.SyncMode.APPEND,
          null,
          listener);
    }
  }

  @Test
  void noChannelShowsATokenOrTheClientSecret() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    server.on(
        "/oauth/token",
        g ->
            Stub.Answer.json(
                "{\"access_token\": \"access-"
                    + issued.incrementAndGet()
                    + "\", \"expires_in\": 3600, \"refresh_token\": \"refresh-"
                    + (issued.get() + 1)
                    + "\"}"));
    AtomicInteger firstPage = new AtomicInteger();
    server.on(
        "/orders",
        g -> {
          if (g.query().contains("page=1")) {
            return firstPage.incrementAndGet() == 1
                ? new Stub.Answer(503, "{}")
                : Stub.Answer.json("{\"data\": [{\"id\": 1}], \"more\": true}");
          }
          return new Stub.Answer(
              400, "{\"message\": \"bad signature access-1 for client-s3cret, use refresh-2\"}");
        });
    List<String> events = new CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void onRetry(RetryEvent retry) {
            events.add(retry.request());
          }
        };

    RunResult failed = sync(false, listener);

    assertThat(failed.failure().getMessage())
        .isEqualTo(
            "orders: GET "
                + server.url()
                + "/orders?sig=***&page=2 returned 400 Bad Request: bad signature *** for ***, use"
                + " ***");
    assertThat(events).containsExactly("GET " + server.url() + "/orders?sig=***&page=1");
    String report = failed.report().toJson();
    String state = files(dir.resolve("state"));
    for (String secret : List.of("access-1", "refresh-1", "refresh-2", "client-s3cret")) {
      assertThat(report).doesNotContain(secret);
      assertThat(state).doesNotContain(secret);
    }
    assertThat(state).contains("sig={{auth.token}}");

    server.on("/orders", g -> Stub.Answer.json("{\"data\": [{\"id\": 2}], \"more\": false}"));
    RunResult resumed = sync(true, RunListener.NONE);

    assertThat(resumed.failure()).isNull();
    assertThat(server.got("/orders").get(server.got("/orders").size() - 1).query())
        .as("the resumed page carries the token current now")
        .isEqualTo("sig=access-2&page=2");
  }

  @Test
  void aLoginPasswordIsMaskedEvenWhenNotDeclaredSecret() throws Exception {
    server.on("/session", g -> Stub.Answer.json("{\"token\": \"session-1\"}"));
    server.on("/orders", g -> new Stub.Answer(400, "{\"message\": \"user ann, pw hunter22\"}"));
    String yaml =
        """
        pagewalk: 1
        name: orders
        baseUrl: %s
        connection:
          user: {type: string}
          password: {type: string}
        auth:
          login:
            url: /session
            body: {credentials: {user: "{{connection.user}}", password: "{{connection.password}}"}}
            token: "{{body.token}}"
        request:
          url: /orders
          response: {error: {message: "{{body.message}}"}}
        """
            .formatted(server.url());
    try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      RunResult r =
          runner
              .collect(
                  Pagewalk.parse("orders.yaml", yaml),
                  RunInput.empty().withConnection(Map.of("user", "ann", "password", "hunter22")))
              .result();
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "orders: GET " + server.url() + "/orders returned 400 Bad Request: user ann, pw ***");
    }
  }

  private static String files(Path dir) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
  }
}
