package dev.pagewalk.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pagewalk.auth.aws.AwsKeys;
import dev.pagewalk.auth.aws.SigV4Signer;
import dev.pagewalk.spi.Headers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SigV4-signed requests sent over real HTTP to WireMock: the {@code Authorization} header has the
 * shape AWS expects, and the request as it arrived, signed again, gives the same signature (the
 * transport changed nothing that was signed).
 */
class SigV4WireMockTest {
  private static final Clock AT =
      Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
  private static final AwsKeys KEYS =
      new AwsKeys("AKID", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null, "us-east-1", "service");
  private static final Set<String> SIGNATURE_HEADERS =
      Set.of("authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256");
  private static final String SHAPE =
      "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,"
          + " SignedHeaders=[a-z0-9-]+(;[a-z0-9-]+)*, Signature=[0-9a-f]{64}";

  private final HttpClient http = HttpClient.newHttpClient();
  private WireMockServer wireMock;

  @BeforeEach
  void start() {
    wireMock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wireMock.start();
    wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @AfterEach
  void stop() {
    wireMock.stop();
  }

  private void send(dev.pagewalk.spi.HttpRequest signed) throws Exception {
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(signed.uri())
            .method(
                signed.method(),
                signed.body() == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(signed.body()));
    signed.headers().fields().forEach(f -> b.header(f.getKey(), f.getValue()));
    assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  /** The request as WireMock received it, without its signature, signed again. */
  private static String resigned(LoggedRequest received) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (HttpHeader h : received.getHeaders().all()) {
      String name = h.key().toLowerCase(Locale.ROOT);
      if (!SIGNATURE_HEADERS.contains(name)
          && !name.equals("host")
          && !name.equals("user-agent")
          && !name.equals("connection")
          && !name.equals("content-length")
          && !name.equals("upgrade")
          && !name.equals("http2-settings")) {
        h.values().forEach(v -> headers.add(Map.entry(h.key(), v)));
      }
    }
    byte[] body = received.getBody().length == 0 ? null : received.getBody();
    return new SigV4Signer(KEYS, AT)
        .sign(
            new dev.pagewalk.spi.HttpRequest(
                received.getMethod().value(),
                URI.create(received.getAbsoluteUrl()),
                Headers.of(headers),
                body))
        .headers()
        .first("Authorization")
        .orElseThrow();
  }

  @Test
  void aSignedGetArrivesWithTheAuthorizationHeaderAwsExpects() throws Exception {
    URI uri = URI.create(wireMock.baseUrl() + "/v1/items?b=2&a=1&next=x%2By");
    dev.pagewalk.spi.HttpRequest signed =
        new SigV4Signer(KEYS, AT)
            .sign(
                new dev.pagewalk.spi.HttpRequest(
                    "GET",
                    uri,
                    Headers.of(List.of(Map.entry("Accept", "application/json"))),
                    null));

    send(signed);

    wireMock.verify(
        getRequestedFor(urlEqualTo("/v1/items?b=2&a=1&next=x%2By"))
            .withHeader("Authorization", matching(SHAPE))
            .withHeader("Authorization", matching(".*SignedHeaders=accept;host;x-amz-date, .*"))
            .withHeader("X-Amz-Date", matching("20150830T123600Z")));
    LoggedRequest received = wireMock.getAllServeEvents().get(0).getRequest();
    assertThat(received.getHeader("Authorization"))
        .isEqualTo(signed.headers().first("Authorization").orElseThrow())
        .isEqualTo(resigned(received));
  }

  @Test
  void aSignedPostSignsItsBodyAndItsContentType() throws Exception {
    byte[] body = "{\"name\":\"thing\"}".getBytes(StandardCharsets.UTF_8);
    dev.pagewalk.spi.HttpRequest signed =
        new SigV4Signer(KEYS, AT)
            .sign(
                new dev.pagewalk.spi.HttpRequest(
                    "POST",
                    URI.create(wireMock.baseUrl() + "/v1/things"),
                    Headers.of(List.of(Map.entry("Content-Type", "application/json"))),
                    body));

    send(signed);

    wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/things"))
            .withHeader("Authorization", matching(SHAPE))
            .withHeader(
                "Authorization",
                matching(".*SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, .*"))
            .withHeader(
                "x-amz-content-sha256",
                matching(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))));
    LoggedRequest received = wireMock.getAllServeEvents().get(0).getRequest();
    assertThat(received.getHeader("Authorization")).isEqualTo(resigned(received));
  }
}
