package dev.pagewalk.conformance.livedata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A running live-data mock: WireMock on 127.0.0.1 with a dynamic port, serving {@code GET
 * <basePath>} per a {@link LiveDataConfig} (wire formats: {@link Style}) and, with {@code oauth},
 * an OAuth2 token endpoint at {@code POST <tokenPath>} ({@link OAuthConfig}; counted by {@link
 * #tokenCounts()}) and, with {@code nested}, organisations, repositories, issues, comments and
 * events ({@link NestedHandler}). Other paths answer WireMock's 404.
 *
 * <pre>{@code
 * try (LiveDataServer server = LiveDataServer.start(LiveDataConfig.fromMap(yamlMap))) {
 *     runConnectorAgainst(server.baseUrl() + "/items");
 *     Expectation.Verdict verdict = server.expectation().verify(idsTheConnectorWrote);
 * }
 * }</pre>
 *
 * Thread-safe; requests are served one at a time.
 */
public final class LiveDataServer implements AutoCloseable {
  private final WireMockServer wireMock;
  private final LiveDataTransformer transformer;
  private final Dataset dataset;
  private final TokenEndpoint tokens;
  private final NestedHandler nested;

  private LiveDataServer(LiveDataConfig config, LongSupplier clock, int port) {
    this.dataset = config.newDataset();
    this.tokens = config.oauth().map(o -> new TokenEndpoint(o, clock)).orElse(null);
    this.nested =
        config
            .nested()
            .map(n -> new NestedHandler(n, config.pageSize(), config.maxPageSize()))
            .orElse(null);
    this.transformer =
        new LiveDataTransformer(
            config,
            dataset,
            clock,
            tokens != null && tokens.config().requireBearer() ? tokens : null);
    this.wireMock =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(port)
                .gzipDisabled(true)
                .disableRequestJournal()
                .extensions(extensions(transformer, tokens, nested)));
  }

  private static Extension[] extensions(
      LiveDataTransformer transformer, TokenEndpoint tokens, NestedHandler nested) {
    List<Extension> out = new java.util.ArrayList<>(List.of(transformer));
    if (tokens != null) {
      out.add(new TokenEndpointTransformer(tokens));
    }
    if (nested != null) {
      out.add(new NestedTransformer(nested));
    }
    return out.toArray(Extension[]::new);
  }

  /** Starts a server with the system clock. */
  public static LiveDataServer start(LiveDataConfig config) {
    return start(config, System::currentTimeMillis);
  }

  /**
   * Starts a server whose rate limit, HTTP-date Retry-After and access-token expiry read {@code
   * clock} (epoch millis).
   */
  public static LiveDataServer start(LiveDataConfig config, LongSupplier clock) {
    return start(config, clock, 0);
  }

  /** As {@link #start(LiveDataConfig, LongSupplier)}, on {@code port} (0: a free one). */
  public static LiveDataServer start(LiveDataConfig config, LongSupplier clock, int port) {
    LiveDataServer server = new LiveDataServer(config, clock, port);
    server.wireMock.start();
    server.wireMock.stubFor(
        get(urlPathEqualTo(config.basePath()))
            .willReturn(aResponse().withTransformers(LiveDataTransformer.NAME)));
    config
        .oauth()
        .ifPresent(
            o ->
                server.wireMock.stubFor(
                    post(urlPathEqualTo(o.tokenPath()))
                        .willReturn(aResponse().withTransformers(TokenEndpointTransformer.NAME))));
    if (server.nested != null) {
      server.wireMock.stubFor(
          get(urlPathMatching(NestedHandler.pathRegex()))
              .willReturn(aResponse().withTransformers(NestedTransformer.NAME)));
    }
    return server;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash; append the base path. */
  public String baseUrl() {
    return "http://127.0.0.1:" + wireMock.port();
  }

  /** The live dataset; tests may also mutate it directly. */
  public Dataset dataset() {
    return dataset;
  }

  public int requestCount() {
    return transformer.requestCount();
  }

  /**
   * The path and query of every request to the base path, in order, faulted ones included; then
   * those to the nested resources, in order.
   */
  public List<String> requests() {
    return nested == null
        ? transformer.requests()
        : concat(transformer.requests(), nested.requests());
  }

  /**
   * When each request to the nested resources arrived (this JVM's clock), in the order of their
   * part of {@link #requests()}; empty without {@code nested}.
   */
  public List<java.time.Instant> nestedRequestTimes() {
    return nested == null ? List.of() : nested.times();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * How each request in {@link #requests()} was answered, same order: the status ({@code "200"},
   * {@code "503"}, {@code "429"}) or the socket fault's name ({@code "CONNECTION_RESET_BY_PEER"}),
   * with {@code truncated body}, {@code empty page with next} or {@code dribbled} appended for
   * those faults. For reports of what a client saw.
   */
  public List<String> answers() {
    return nested == null ? transformer.answers() : concat(transformer.answers(), nested.answers());
  }

  /**
   * What the token endpoint answered so far; all zero without {@code oauth}. Token requests are not
   * among {@link #requests()}, which are the data endpoint's.
   */
  public TokenCounts tokenCounts() {
    return tokens == null ? new TokenCounts(0, 0, 0) : tokens.counts();
  }

  /** What a complete read must, may and must not contain, given the mutations so far. */
  public Expectation expectation() {
    return dataset.expectation();
  }

  @Override
  public void close() {
    wireMock.stop();
  }
}
