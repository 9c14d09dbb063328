package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API that sends its total in a header ({@code X-Total-Count: 3}): a header value is text, so a
 * spec reading it without parseNumber compares the text '3' with the number 3. The check fails —
 * the spec is wrong — and says so in words, with the fix.
 */
class TotalFromHeaderTest {
  private static final String SPEC = "src/test/resources/specs/header-total.yaml";

  private MockServer api;
  private final Cli cli = Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN));

  @BeforeEach
  void start() {
    api = new MockServer();
    api.server.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson("{\"data\":[{\"id\":1},{\"id\":2}],\"has_more\":true,\"next\":\"c2\"}")
                    .withHeader("X-Total-Count", "3")));
    api.server.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(
                okJson("{\"data\":[{\"id\":3}],\"has_more\":false}")
                    .withHeader("X-Total-Count", "3")));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Cli.Result run(String spec) {
    return cli.run("run", spec, "--base-url", api.url(), "-c", "token=env:TOKEN");
  }

  @Test
  void aTextTotalFailsTheCheckWithTheFixNotANumberThatLooksEqual() {
    Cli.Result r = run(SPEC);
    assertThat(r.out()).isEqualTo("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n");
    assertThat(r.err())
        .endsWith(
            "\nINCOMPLETE: the run may not hold every record\n"
                + "  ✗ total: the API's total is the text '3' but 3 records were counted — use"
                + " parseNumber(...) in audit.total\n");
  }

  @Test
  void theParsedTotalPasses(@TempDir Path dir) throws IOException {
    Path fixed = dir.resolve("header-total.yaml");
    Files.writeString(
        fixed,
        Files.readString(Path.of(SPEC))
            .replace(
                "\"{{headers.`x-total-count`}}\"", "\"{{parseNumber(headers.`x-total-count`)}}\""));
    Cli.Result r = run(fixed.toString());
    assertThat(r.err())
        .endsWith(
            "\nCOMPLETE: every completeness check passed (stop, total, boundary-duplicates)\n");
    assertThat(r.out()).isEqualTo("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n");
  }

  @Test
  void aCompleteRunStillShowsWhatTheEndpointLeavesOut(@TempDir Path dir) throws IOException {
    Path excluding = dir.resolve("header-total.yaml");
    Files.writeString(
        excluding,
        Files.readString(Path.of(SPEC))
            .replace(
                "\"{{headers.`x-total-count`}}\"",
                "\"{{parseNumber(headers.`x-total-count`)}}\"\n"
                    + "  excludes: [\"archived items - use the export endpoint\"]"));
    Cli.Result r = run(excluding.toString());
    assertThat(r.err())
        .endsWith(
            "\nCOMPLETE: every completeness check passed (stop, total, boundary-duplicates)\n"
                + "  caveat (not returned by this endpoint): archived items - use the export"
                + " endpoint\n");
  }
}
