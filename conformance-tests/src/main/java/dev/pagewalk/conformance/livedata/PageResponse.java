package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.pagewalk.json.JsonConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the mock answers, before WireMock sends it: status, headers and body, or a socket fault,
 * optionally dribbled in chunks.
 */
record PageResponse(
    int status, Map<String, String> headers, String body, Fault fault, FaultSpec.Dribble dribble) {
  private static final ObjectMapper MAPPER = JsonConfig.MAPPER;

  static PageResponse json(int status, JsonNode body) {
    try {
      return new PageResponse(
          status,
          Map.of("Content-Type", "application/json"),
          MAPPER.writeValueAsString(body),
          null,
          null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static PageResponse error(int status, String message) {
    return json(status, JsonNodeFactory.instance.objectNode().put("error", message));
  }

  static PageResponse wire(Fault fault) {
    return new PageResponse(0, Map.of(), "", fault, null);
  }

  PageResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new PageResponse(status, Map.copyOf(copy), body, fault, dribble);
  }

  PageResponse withBody(String newBody) {
    return new PageResponse(status, headers, newBody, fault, dribble);
  }

  PageResponse dribbled(FaultSpec.Dribble how) {
    return new PageResponse(status, headers, body, fault, how);
  }

  /** This response as WireMock sends it: the fault alone, or status, headers, body and dribble. */
  ResponseDefinition definition() {
    ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
    if (fault != null) {
      return builder.withFault(fault).build();
    }
    builder.withStatus(status).withBody(body);
    headers.forEach(builder::withHeader);
    if (dribble != null) {
      builder.withChunkedDribbleDelay(dribble.chunks(), dribble.totalMs());
    }
    return builder.build();
  }
}
