package dev.pagewalk.conformance.livedata;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;

/**
 * The WireMock extension that answers a live-data mock's nested resources ({@link NestedHandler}).
 */
final class NestedTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "pagewalk-nested-resources";

  private final NestedHandler handler;

  NestedTransformer(NestedHandler handler) {
    this.handler = handler;
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
    URI absolute = URI.create(event.getRequest().getAbsoluteUrl());
    PageResponse response =
        handler.handle(
            event.getRequest().getUrl(), absolute.getScheme() + "://" + absolute.getRawAuthority());
    return response.definition();
  }
}
