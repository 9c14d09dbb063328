package dev.pagewalk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.json.JsonConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Reads an RFC 6749 token response (§5.1) into a {@link Token}, or its error response (§5.2) into
 * the failure to report. {@code invalid_grant}, {@code invalid_client} and {@code
 * unauthorized_client} mean the connection's credentials are wrong: {@link ErrorCode#AUTH_REFUSED},
 * never retried.
 */
final class TokenResponses {
  static final Set<String> REFUSALS =
      Set.of("invalid_grant", "invalid_client", "unauthorized_client");

  private TokenResponses() {}

  static Token read(
      String spec, String url, HttpResponse response, AuthSecrets secrets, Instant now) {
    JsonNode body = json(response);
    int status = response.status();
    if (status >= 200 && status < 300 && body.path("access_token").isTextual()) {
      String access = body.get("access_token").asText();
      secrets.add(access);
      JsonNode refresh = body.path("refresh_token");
      if (refresh.isTextual()) {
        secrets.add(refresh.asText());
      }
      JsonNode expires = body.path("expires_in");
      return Token.issued(
          access,
          now,
          expires.canConvertToLong() || expires.isTextual() && expires.asText().matches("[0-9]+")
              ? expires.asLong()
              : null,
          refresh.isTextual() && !refresh.asText().isEmpty() ? refresh.asText() : null);
    }
    throw refused(spec, url, response, body, secrets);
  }

  private static PagewalkException refused(
      String spec, String url, HttpResponse response, JsonNode body, AuthSecrets secrets) {
    String error = body.path("error").asText("");
    String description = body.path("error_description").asText("");
    String said =
        error.isEmpty()
            ? ""
            : mask(error + (description.isEmpty() ? "" : " (" + description + ")"), secrets);
    if (REFUSALS.contains(error)) {
      return new HttpFailureException(
          ErrorCode.AUTH_REFUSED,
          spec + ": the connection's credentials were refused by " + url + ": " + said,
          response.status(),
          null);
    }
    String status =
        response.status() + (response.reason().isEmpty() ? "" : " " + response.reason());
    return new HttpFailureException(
        ErrorCode.HTTP_STATUS,
        spec
            + ": the token endpoint "
            + url
            + (response.status() >= 200 && response.status() < 300
                ? " answered " + status + " without an access_token"
                : " returned " + status)
            + (said.isEmpty() ? "" : ": " + said),
        response.status(),
        null);
  }

  private static String mask(String text, AuthSecrets secrets) {
    return Redaction.redactUrl(text, secrets.values(), Set.of());
  }

  private static JsonNode json(HttpResponse response) {
    try {
      JsonNode node = JsonConfig.MAPPER.readTree(response.body());
      return node == null ? JsonConfig.MAPPER.missingNode() : node;
    } catch (IOException e) {
      return JsonConfig.MAPPER.missingNode();
    }
  }
}
