package dev.pagewalk.conformance.livedata;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The WireMock extension behind the live-data mock's token endpoint: it answers every stub that
 * names {@link #NAME} with the {@link TokenEndpoint}'s response. Thread-safe.
 */
final class TokenEndpointTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "pagewalk-live-data-token";

  private final TokenEndpoint endpoint;

  TokenEndpointTransformer(TokenEndpoint endpoint) {
    this.endpoint = endpoint;
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
    PageResponse response =
        endpoint.token(
            request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : null,
            request.containsHeader("Authorization") ? request.getHeader("Authorization") : null,
            request.getBodyAsString());
    return response.definition();
  }
}
