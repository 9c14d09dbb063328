package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.OAuthConfig;
import dev.pagewalk.conformance.livedata.TokenCounts;
import dev.pagewalk.sinks.DatabaseTokenStore;
import dev.pagewalk.state.FileTokenStore;
import dev.pagewalk.state.TokenStore.SavedTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that rotates refresh tokens refuses the one a run used: two real {@code pagewalk run}
 * processes in a row succeed only because the first saved the rotated refresh token where the
 * second looks for it — files in {@code --state} for JSON Lines, the database for SQLite — and no
 * token or secret reaches stdout, stderr, the report or the records.
 */
class TokenRotationProcessTest {
  static final Duration WITHIN = Duration.ofSeconds(60);
  static final String SPEC =
      """
      pagewalk: 1
      name: items
      baseUrl: http://127.0.0.1
      connection:
        client_id: {type: string, required: true}
        client_secret: {type: string, required: true, secret: true}
        refresh_token: {type: string, required: true, secret: true}
      auth:
        oauth2:
          grant: refresh_token
          tokenUrl: /oauth/token
          clientId: "{{connection.client_id}}"
          clientSecret: "{{connection.client_secret}}"
          refreshToken: "{{connection.refresh_token}}"
      request:
        url: /items
        qs: {limit: 10}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {offset: "{{pagination.offset}}"}
          condition: "{{pagination.offset < body.total}}"
      """;
  static final List<String> SECRETS =
      List.of("s3cret", "rt-0", "refresh-1", "refresh-2", "access-1", "access-2");

  @TempDir Path dir;
  LiveDataServer server;

  /**
   * Access tokens live 25 s: less than the 30 s a saved one must have left, so each run refreshes
   * and the rotation is what is tested.
   */
  @BeforeEach
  void start() throws Exception {
    start(25);
    Files.writeString(dir.resolve("items.yaml"), SPEC);
  }

  void start(long tokenLifetimeSeconds) {
    server =
        LiveDataServer.start(
            LiveDataConfig.builder()
                .size(25)
                .pageSize(10)
                .oauth(
                    OAuthConfig.of("app", "s3cret", "rt-0")
                        .withTokenLifetimeSeconds(tokenLifetimeSeconds))
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The key the run keeps its tokens under: the spec's name, the token URL and the client id. */
  String key() {
    return "items " + server.baseUrl() + "/oauth/token app";
  }

  CliProcess.Result run(String... extra) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "items.yaml",
                "--base-url",
                server.baseUrl(),
                "-c",
                "client_id=app",
                "-c",
                "client_secret=env:CLIENT_SECRET",
                "-c",
                "refresh_token=env:REFRESH_TOKEN",
                "--report",
                "report.json",
                "-q"));
    args.addAll(List.of(extra));
    return CliProcess.in(dir, Map.of("CLIENT_SECRET", "s3cret", "REFRESH_TOKEN", "rt-0"))
        .run(WITHIN, args.toArray(String[]::new));
  }

  void assertNoSecretIn(CliProcess.Result result, Path... files) throws Exception {
    for (String secret : SECRETS) {
      assertThat(result.out()).doesNotContain(secret);
      assertThat(result.err()).doesNotContain(secret);
      assertThat(Files.readString(dir.resolve("report.json"))).doesNotContain(secret);
      for (Path f : files) {
        assertThat(Files.readString(f)).doesNotContain(secret);
      }
    }
  }

  @Test
  void jsonLinesWithStateKeepTheRotatedRefreshTokenInAnOwnerOnlyFile() throws Exception {
    Path state = dir.resolve("state");
    Path records = dir.resolve("items.jsonl");

    CliProcess.Result first = run("-o", "items.jsonl", "--state", "state");
    assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.COMPLETE);
    Path tokens = new FileTokenStore(state).file(key());
    assertThat(Files.getPosixFilePermissions(tokens))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(new FileTokenStore(state).load(key()).map(SavedTokens::refreshToken))
        .contains("refresh-1");
    assertNoSecretIn(first, records);

    CliProcess.Result second = run("-o", "items.jsonl", "--state", "state", "--replace");
    assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(Files.readAllLines(records)).hasSize(25);
    assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 2, 0));
    assertThat(new FileTokenStore(state).load(key()).map(SavedTokens::refreshToken))
        .contains("refresh-2");
    assertNoSecretIn(second, records);
  }

  @Test
  void aSecondRunSendsTheSavedAccessTokenWhileItIsFreshAndAsksForNoToken() throws Exception {
    server.close();
    start(3600);

    CliProcess.Result first = run("-o", "items.jsonl", "--state", "state");
    CliProcess.Result second = run("-o", "items.jsonl", "--state", "state", "--replace");

    assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(Files.readAllLines(dir.resolve("items.jsonl"))).hasSize(25);
    assertThat(server.tokenCounts())
        .as("the first run's refresh only")
        .isEqualTo(new TokenCounts(0, 1, 0));
    Path tokens = new FileTokenStore(dir.resolve("state")).file(key());
    assertThat(Files.getPosixFilePermissions(tokens))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertNoSecretIn(second, dir.resolve("items.jsonl"));
  }

  @Test
  void aConnectorsStreamsKeepTheRotatedRefreshTokenLikeAOneStreamRun() throws Exception {
    String streams =
        SPEC.substring(0, SPEC.indexOf("request:"))
            + """
            streams:
              first:
                request:
                  url: /items
                  qs: {limit: 10}
                  response: {iterate: "{{body.data}}", key: "{{item.id}}"}
              second:
                request:
                  url: /items
                  qs: {limit: 5}
                  response: {iterate: "{{body.data}}", key: "{{item.id}}"}
            """;
    Files.writeString(dir.resolve("items.yaml"), streams);

    CliProcess.Result first = run("-o", "out");
    CliProcess.Result second = run("-o", "out", "--replace");

    assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(server.tokenCounts())
        .as("one refresh per run, the second with the token the first saved")
        .isEqualTo(new TokenCounts(0, 2, 0));
    assertThat(new FileTokenStore(dir.resolve(".pagewalk-state")).load(key()))
        .map(SavedTokens::refreshToken)
        .contains("refresh-2");
    assertNoSecretIn(second, dir.resolve("out/first.jsonl"), dir.resolve("out/second.jsonl"));
  }

  @Test
  void sqliteKeepsTheRotatedRefreshTokenInTheDatabase() throws Exception {
    CliProcess.Result first = run("-o", "sqlite:items.db");
    assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(DatabaseTokenStore.sqlite(dir.resolve("items.db")).load(key()))
        .map(SavedTokens::refreshToken)
        .contains("refresh-1");
    assertNoSecretIn(first);

    CliProcess.Result second = run("-o", "sqlite:items.db");
    assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 2, 0));
    assertThat(Files.exists(dir.resolve(".pagewalk-state"))).isFalse();
    assertNoSecretIn(second);
  }

  @Test
  void authChecksTheCredentialsAndTheRunAfterItUsesTheRefreshTokenItSaved() throws Exception {
    CliProcess.Result auth =
        CliProcess.in(dir, Map.of("CLIENT_SECRET", "s3cret", "REFRESH_TOKEN", "rt-0"))
            .run(
                WITHIN,
                "auth",
                "items.yaml",
                "--base-url",
                server.baseUrl(),
                "-c",
                "client_id=app",
                "-c",
                "client_secret=env:CLIENT_SECRET",
                "-c",
                "refresh_token=env:REFRESH_TOKEN",
                "-o",
                "sqlite:items.db");
    assertThat(auth.code()).as(auth.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(auth.err()).isEmpty();
    assertThat(auth.out())
        .startsWith("pagewalk auth: ok: a token from " + server.baseUrl() + "/oauth/token\n")
        .contains("pagewalk auth: the token expires at ");
    for (String secret : SECRETS) {
      assertThat(auth.out()).doesNotContain(secret);
    }

    CliProcess.Result run = run("-o", "sqlite:items.db");
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 2, 0));
  }
}
