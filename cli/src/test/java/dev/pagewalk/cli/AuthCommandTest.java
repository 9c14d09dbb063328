package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.OAuthConfig;
import dev.pagewalk.conformance.livedata.TokenCounts;
import dev.pagewalk.state.FileTokenStore;
import dev.pagewalk.state.TokenStore.SavedTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagewalk auth} against the live-data mock's token endpoint, in process: one token request
 * and nothing else, the endpoint and expiry printed, the token never; refused credentials exit with
 * the run-failure code and the located message.
 */
class AuthCommandTest {
  @TempDir Path dir;
  LiveDataServer server;
  Path spec;
  Path state;

  @BeforeEach
  void start() throws Exception {
    server =
        LiveDataServer.start(
            LiveDataConfig.builder()
                .size(5)
                .oauth(OAuthConfig.of("app", "s3cret", "rt-0"))
                .build());
    spec = dir.resolve("items.yaml");
    Files.writeString(spec, TokenRotationProcessTest.SPEC);
    state = dir.resolve("state");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Cli.Result auth(String secret, String... extra) {
    String[] base = {
      "auth",
      spec.toString(),
      "--base-url",
      server.baseUrl(),
      "-c",
      "client_id=app",
      "-c",
      "client_secret=env:CLIENT_SECRET",
      "-c",
      "refresh_token=env:REFRESH_TOKEN",
      "--state",
      state.toString()
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.withEnvironment(Map.of("CLIENT_SECRET", secret, "REFRESH_TOKEN", "rt-0")).run(args);
  }

  @Test
  void printsTheEndpointAndTheExpiryButNeverTheToken() {
    Instant before = Instant.now();

    Cli.Result result = auth("s3cret");

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .startsWith("pagewalk auth: ok: a token from " + server.baseUrl() + "/oauth/token\n")
        .matches(
            "(?s).*\npagewalk auth: the token expires at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"
                + " \\(in 59m 5\\ds\\)\n");
    Instant expiresAt =
        Instant.parse(result.out().replaceAll("(?s).*expires at (\\S+) .*", "$1").trim());
    assertThat(expiresAt).isBetween(before.plusSeconds(3599), before.plusSeconds(3601));
    for (String secret : TokenRotationProcessTest.SECRETS) {
      assertThat(result.out()).doesNotContain(secret);
    }
    assertThat(server.requestCount()).isZero();
    assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 1, 0));
  }

  @Test
  void savesTheRotatedRefreshTokenSoTheNextCheckUsesIt() {
    assertThat(auth("s3cret").code()).isEqualTo(ExitCodes.COMPLETE);

    Cli.Result second = auth("s3cret");

    assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 2, 0));
    assertThat(
            new FileTokenStore(state)
                .load("items " + server.baseUrl() + "/oauth/token app")
                .map(SavedTokens::refreshToken))
        .contains("refresh-2");
  }

  @Test
  void refusedCredentialsExitWithTheRunFailureCodeAndTheLocatedMessage() {
    Cli.Result result = auth("wrong-secret");

    assertThat(result.code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "pagewalk auth: items: the connection's credentials were refused by "
                + server.baseUrl()
                + "/oauth/token: invalid_client (unknown client or wrong secret)\n");
  }

  @Test
  void aSpecWithoutAnAuthBlockIsAUsageError() throws Exception {
    Files.copy(
        Path.of(RunCommandTest.SPEC), spec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    Cli.Result result = Cli.plain().run("auth", spec.toString(), "--state", state.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "pagewalk auth: items: the spec has no auth block, so there is no token to fetch\n");
  }
}
