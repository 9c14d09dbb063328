package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL with {@code user:password@} is refused when the request is built, once, before anything is
 * sent, and the password never reaches stderr or the report: the operator's view, in a real
 * process.
 */
class UrlCredentialsProcessTest {
  static final String PASSWORD = "hunter2-pw";
  static final Duration WITHIN = Duration.ofSeconds(60);

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

  String withCredentials() {
    return api.url().replace("://", "://alice:" + PASSWORD + "@");
  }

  String shown() {
    return api.url().replace("://", "://alice:***@");
  }

  CliProcess.Result run(String spec, String... extra) throws Exception {
    Files.writeString(dir.resolve("creds.yaml"), spec);
    String[] args = new String[4 + extra.length];
    args[0] = "run";
    args[1] = "creds.yaml";
    args[2] = "--report";
    args[3] = "report.json";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliProcess.in(dir, Map.of()).run(WITHIN, args);
  }

  JsonNode report() throws Exception {
    return new ObjectMapper().readTree(dir.resolve("report.json").toFile());
  }

  void assertRefusedWithoutEcho(CliProcess.Result r, String message) throws Exception {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err()).contains(message).doesNotContain(PASSWORD);
    String report = Files.readString(dir.resolve("report.json"));
    assertThat(report).doesNotContain(PASSWORD);
    JsonNode json = report();
    assertThat(json.path("stopReason").asText()).isEqualTo("error");
    assertThat(json.path("failure").asText()).isEqualTo(message);
  }

  @Test
  void aBaseUrlWithAPasswordIsRefusedBeforeAnyRequest() throws Exception {
    CliProcess.Result r =
        run(
            """
        pagewalk: 1
        name: creds
        baseUrl: %s
        request:
          url: /items
        """
                .formatted(withCredentials()));
    assertRefusedWithoutEcho(
        r,
        "creds: invalid URL \""
            + shown()
            + "/items\": credentials"
            + " (user:password@) in a URL are not sent; put them in a header or the connection");
    assertThat(report().at("/requests/total").isNumber()).isTrue();
    assertThat(report().at("/requests/total").asLong()).isZero();
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aBaseUrlOverrideWithAPasswordIsRefusedBeforeAnyRequest() throws Exception {
    CliProcess.Result r =
        run(
            """
        pagewalk: 1
        name: creds
        baseUrl: http://example.invalid
        request:
          url: /items
        """,
            "--base-url",
            withCredentials());
    assertRefusedWithoutEcho(
        r,
        "creds: invalid URL \""
            + shown()
            + "/items\": credentials"
            + " (user:password@) in a URL are not sent; put them in a header or the connection");
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aNextPageUrlWithAPasswordIsRefusedWithoutSendingIt() throws Exception {
    api.server.stubFor(
        get(urlPathEqualTo("/items"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":1}],\"next\":\""
                        + withCredentials()
                        + "/items?page=2\"}")));
    CliProcess.Result r =
        run(
            """
        pagewalk: 1
        name: creds
        baseUrl: %s
        request:
          url: /items
          response:
            iterate: "{{body.data}}"
          pagination:
            url: "{{body.next}}"
            condition: "{{body.next != null}}"
        """
                .formatted(api.url()));
    assertRefusedWithoutEcho(
        r,
        "creds: invalid URL \""
            + shown()
            + "/items?page=2\": credentials"
            + " (user:password@) in a URL are not sent; put them in a header or the connection");
    assertThat(r.out()).isEqualTo("{\"id\":1}\n");
    assertThat(api.server.getAllServeEvents()).hasSize(1);
  }
}
