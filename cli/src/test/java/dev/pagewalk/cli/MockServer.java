package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A WireMock server on a dynamic loopback port serving the API of {@code specs/good.yaml}: {@code
 * GET /items} in pages of two behind a cursor, three items in all, for the token {@value #TOKEN}.
 */
final class MockServer implements AutoCloseable {
  static final String TOKEN = "s3cret-t0ken";

  final WireMockServer server;

  MockServer() {
    server =
        new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").jettyStopTimeout(0L));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * Page 2 is refused with a 400 (not retried), so a run stops after page 1 with its checkpoint;
   * {@link #healed()} serves both pages again.
   */
  MockServer refusingPageTwo() {
    server.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .atPriority(1)
            .willReturn(badRequest()));
    return this;
  }

  /** Forgets every stub and request, then serves the two pages again. */
  MockServer healed() {
    server.resetAll();
    return withTwoPages();
  }

  MockServer withTwoPages() {
    server.stubFor(
        get(urlPathEqualTo("/items"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":1,\"name\":\"ä\"},{\"id\":2,\"price\":1.50}],"
                        + "\"has_more\":true,\"next\":\"c2\"}")));
    server.stubFor(
        get(urlPathEqualTo("/items"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":3,\"tags\":[\"x\"]}],\"has_more\":false,\"next\":null}")));
    return this;
  }

  @Override
  public void close() {
    server.stop();
  }
}
