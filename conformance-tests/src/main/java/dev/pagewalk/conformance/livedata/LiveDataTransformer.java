package dev.pagewalk.conformance.livedata;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.function.LongSupplier;

/**
 * The WireMock extension behind {@link LiveDataServer}: it replaces the response of every stub that
 * names {@link #NAME} as a transformer with the live-data page, fault or rate-limit answer for that
 * request. Use one instance per server and one stub, e.g. {@code
 * stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withTransformers(LiveDataTransformer.NAME)))}.
 * Thread-safe.
 */
public final class LiveDataTransformer implements ResponseDefinitionTransformerV2 {
  /** The transformer name stubs refer to. */
  public static final String NAME = "pagewalk-live-data";

  private final LiveDataHandler handler;

  public LiveDataTransformer(LiveDataConfig config, Dataset dataset, LongSupplier clock) {
    this(config, dataset, clock, null);
  }

  /** As above; with a token endpoint, the data endpoint requires its bearer access tokens. */
  LiveDataTransformer(
      LiveDataConfig config, Dataset dataset, LongSupplier clock, TokenEndpoint tokens) {
    this.handler = new LiveDataHandler(config, dataset, clock, tokens);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    URI absolute = URI.create(request.getAbsoluteUrl());
    PageResponse response =
        handler.handle(
            request.getUrl(),
            absolute.getScheme() + "://" + absolute.getRawAuthority(),
            request.containsHeader("Authorization") ? request.getHeader("Authorization") : null);
    return response.definition();
  }

  /** How many requests reached the base path so far, faulted ones included. */
  public int requestCount() {
    return handler.requestCount();
  }

  /** The path and query of every request so far, in arrival order. */
  public java.util.List<String> requests() {
    return handler.requests();
  }

  /** How each request was answered, in arrival order; see {@link LiveDataServer#answers()}. */
  public java.util.List<String> answers() {
    return handler.answers();
  }
}
