package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import dev.pagewalk.auth.aws.AwsKeys;
import dev.pagewalk.auth.aws.SigV4Signer;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth.aws} over real HTTP: the stub signs again what it received, with the keys and at the
 * date the request carries, and answers 403 unless the signatures agree — over two pages, on a
 * retry (which is signed anew with its own date), and without a secret in what the run writes.
 */
class AwsSigningTest {
  private static final AwsKeys KEYS =
      new AwsKeys(
          "AKIDEXAMPLE",
          "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
          "session-t0ken-FQoGZXIvYXdzE",
          "eu-west-1",
          "execute-api");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final String SPEC =
      """
      pagewalk: 1
      name: items
      baseUrl: %s
      parameters:
        region: {type: string}
      connection:
        key_id: {type: string}
        secret_key: {type: string}
        session_token: {type: string}
      auth:
        aws:
          service: execute-api
          region: "{{parameters.region}}"
          accessKeyId: "{{connection.key_id}}"
          secretAccessKey: "{{connection.secret_key}}"
          sessionToken: "{{connection.session_token}}"
      request:
        url: /prod/items
        headers: {Accept: application/json}
        qs: {page: 1}
        response:
          iterate: "{{body.items}}"
          error: {message: "{{body.message}}"}
        pagination:
          qs: {page: "{{pagination.page}}"}
          condition: "{{body.more}}"
      """;

  private final Stub server = new Stub();
  private final TestClock clock = new TestClock();
  private final List<String> verdicts = new CopyOnWriteArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  /** The signature the request as received should carry, or a reason it cannot. */
  private String resigned(Stub.Got got) {
    String authorization = got.header("Authorization");
    String date = got.header("X-Amz-Date");
    if (authorization == null || date == null) {
      return "unsigned";
    }
    String signedNames =
        authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").toLowerCase(Locale.ROOT);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String name : signedNames.split(";")) {
      if (!name.equals("host")
          && !name.equals("x-amz-date")
          && !name.equals("x-amz-security-token")
          && !name.equals("x-amz-content-sha256")) {
        headers.add(Map.entry(name, got.header(name)));
      }
    }
    Clock at = Clock.fixed(Instant.from(AMZ_DATE.parse(date)), ZoneOffset.UTC);
    URI uri =
        URI.create(server.url() + got.path() + (got.query() == null ? "" : "?" + got.query()));
    return new SigV4Signer(KEYS, at)
        .sign(new HttpRequest(got.method(), uri, Headers.of(headers), null))
        .headers()
        .first("Authorization")
        .orElseThrow();
  }

  private Stub.Answer verified(Stub.Got got, String body) {
    boolean valid =
        resigned(got).equals(got.header("Authorization"))
            && KEYS.sessionToken().equals(got.header("X-Amz-Security-Token"));
    verdicts.add(got.query() + (valid ? " valid" : " invalid"));
    return valid
        ? Stub.Answer.json(body)
        : new Stub.Answer(403, "{\"message\": \"bad signature\"}");
  }

  private RunResult sync(RunListener listener) throws Exception {
    try (Runner runner =
            Runner.builder()
                .clock(clock)
                .sleeper(d -> clock.advance(d.plusSeconds(1)))
                .readAhead(false)
                .build();
        JsonLinesSink sink = JsonLinesSink.toFile(dir.resolve("out.jsonl"), dir.resolve("state"))) {
      return runner.sync(
          Pagewalk.parse("items.yaml", SPEC.formatted(server.url())),
          RunInput.empty()
              .withParameters(Map.of("region", KEYS.region()))
              .withConnection(
                  Map.of(
                      "key_id", KEYS.accessKeyId(),
                      "secret_key", KEYS.secretAccessKey(),
                      "session_token", KEYS.sessionToken())),
          sink,
          SyncMode.APPEND,
          null,
          listener);
    }
  }

  @Test
  void everyPageArrivesWithAValidSignature() throws Exception {
    server.on(
        "/prod/items",
        g ->
            g.query().equals("page=1")
                ? verified(g, "{\"items\": [{\"id\": 1}], \"more\": true}")
                : verified(g, "{\"items\": [{\"id\": 2}], \"more\": false}"));

    RunResult result = sync(RunListener.NONE);

    assertThat(result.failure()).isNull();
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(2);
    assertThat(verdicts).containsExactly("page=1 valid", "page=2 valid");
    assertThat(server.got("/prod/items").get(0).header("Authorization"))
        .matches(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/execute-api/aws4_request,"
                + " SignedHeaders=accept;host;x-amz-date;x-amz-security-token,"
                + " Signature=[0-9a-f]{64}");
  }

  @Test
  void aRetriedRequestIsSignedAgainWithItsOwnDate() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/prod/items",
        g -> {
          Stub.Answer valid = verified(g, "{\"items\": [{\"id\": 1}], \"more\": false}");
          return calls.incrementAndGet() == 1 ? new Stub.Answer(503, "{}") : valid;
        });

    RunResult result = sync(RunListener.NONE);

    assertThat(result.failure()).isNull();
    assertThat(verdicts).containsExactly("page=1 valid", "page=1 valid");
    List<Stub.Got> got = server.got("/prod/items");
    assertThat(got.get(1).header("X-Amz-Date")).isNotEqualTo(got.get(0).header("X-Amz-Date"));
    assertThat(got.get(1).header("Authorization")).isNotEqualTo(got.get(0).header("Authorization"));
  }

  @Test
  void noChannelShowsTheSecretKeyTheSessionTokenOrASignature() throws Exception {
    List<String> retried = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/prod/items",
        g -> {
          String signature = g.header("Authorization").replaceAll(".*Signature=", "");
          if (calls.incrementAndGet() == 1) {
            return new Stub.Answer(503, "{}");
          }
          return new Stub.Answer(
              400,
              "{\"message\": \"refused "
                  + signature
                  + " for "
                  + KEYS.secretAccessKey()
                  + " and "
                  + KEYS.sessionToken()
                  + "\"}");
        });
    RunListener listener =
        new RunListener() {
          @Override
          public void onRetry(RetryEvent retry) {
            retried.add(retry.request());
          }
        };

    RunResult failed = sync(listener);

    assertThat(failed.failure().getMessage())
        .isEqualTo(
            "items: GET "
                + server.url()
                + "/prod/items?page=1 returned 400 Bad Request: refused *** for *** and ***");
    assertThat(retried).containsExactly("GET " + server.url() + "/prod/items?page=1");
    String written = failed.report().toJson() + files(dir.resolve("state"));
    List<String> signatures =
        server.got("/prod/items").stream()
            .map(g -> g.header("Authorization").replaceAll(".*Signature=", ""))
            .toList();
    assertThat(signatures).hasSize(2);
    for (String secret :
        Stream.concat(Stream.of(KEYS.secretAccessKey(), KEYS.sessionToken()), signatures.stream())
            .toList()) {
      assertThat(written).doesNotContain(secret);
    }
  }

  private static String files(Path root) throws Exception {
    if (!Files.exists(root)) {
      return "";
    }
    try (Stream<Path> paths = Files.walk(root)) {
      StringBuilder all = new StringBuilder();
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(p));
      }
      return all.toString();
    }
  }
}
