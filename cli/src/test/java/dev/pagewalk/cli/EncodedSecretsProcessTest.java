package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API that echoes a connection secret back in an encoded form — percent-encoded for a path or a
 * form, base64 alone or as {@code Basic} credentials, JSON-escaped — or redirects in a loop through
 * a URL that carries it: no form reaches stderr, the {@code --report} file or the {@code
 * --audit-log} of a real process.
 */
class EncodedSecretsProcessTest {
  static final String USER = "alice";
  static final String SECRET = "s3 cr/t+&\"q\\\u00fc=9";
  static final Duration WITHIN = Duration.ofSeconds(60);

  static final String FORM = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
  static final String PATH = FORM.replace("+", "%20");
  static final String BASE64 =
      Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
  static final String BASIC =
      Base64.getEncoder().encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
  static final String BASE64_URL =
      Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(("{\"sub\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8));
  static final String JSON = "s3 cr/t+&\\\"q\\\\\u00fc=9";
  static final String JSON_ASCII = "s3 cr\\/t+&\\\"q\\\\\\u00fc=9";

  /** Every form an API might echo, each also as a distinctive fragment (no masking leftovers). */
  static final List<String> FORMS =
      List.of(SECRET, FORM, PATH, BASE64, BASIC, BASE64_URL, JSON, JSON_ASCII);

  static final String SPEC =
      """
      pagewalk: 1
      name: echo
      baseUrl: %s
      connection:
        user: {type: string, required: true}
        password: {type: string, required: true, secret: true}
      headers:
        Authorization: "{{basicAuth(connection.user, connection.password)}}"
      request:
        url: "/items/{{connection.password}}"
        qs:
          sig: "{{connection.password}}"
        response:
          iterate: "{{body.data}}"
      retry: {maxAttempts: 2, backoff: {initial: 1ms, max: 1ms}}
      """;

  @TempDir Path dir;
  MockServer api;

  @BeforeEach
  void start() {
    api = new MockServer();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  CliProcess.Result run() throws Exception {
    Files.writeString(dir.resolve("echo.yaml"), SPEC.formatted(api.url()));
    return CliProcess.in(dir, Map.of("PW", SECRET))
        .run(
            WITHIN,
            "run",
            "echo.yaml",
            "-c",
            "user=" + USER,
            "-c",
            "password=env:PW",
            "--report",
            "report.json",
            "--audit-log",
            "audit.log");
  }

  void assertNoFormIn(CliProcess.Result r) throws Exception {
    String report = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
    String audit = Files.readString(dir.resolve("audit.log"), StandardCharsets.UTF_8);
    for (String form : FORMS) {
      assertThat(r.err()).as("stderr holds %s", form).doesNotContain(form);
      assertThat(report).as("report holds %s", form).doesNotContain(form);
      assertThat(audit).as("audit log holds %s", form).doesNotContain(form);
    }
  }

  @Test
  void aSecretEchoedInEveryEncodingIsMaskedInStderrAndTheReport() throws Exception {
    String echo = String.join(" | ", FORMS);
    api.server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(400).withBody(echo)));
    CliProcess.Result r = run();
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    String failure =
        new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("failure").asText();
    assertThat(failure)
        .isEqualTo(
            "echo: GET "
                + api.url()
                + "/items/***?sig=*** returned 400 Bad Request:"
                + " *** | *** | *** | *** | *** | *** | *** | ***");
    assertNoFormIn(r);
    assertThat(api.server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void aSecretInARedirectLoopIsMaskedInStderrAndTheReport() throws Exception {
    api.server.stubFor(
        get(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "/loop/" + PATH + "?next=" + FORM)));
    CliProcess.Result r = run();
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err()).contains("redirect loop");
    assertNoFormIn(r);
  }
}
