package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal paging client over java.net.http that retries failed requests unchanged. */
final class TestClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");
  private static final int MAX_PAGES = 50;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final LiveDataServer server;

  TestClient(LiveDataServer server) {
    this.server = server;
  }

  record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  /** One GET of a path (prefixed with the base URL) or an absolute URL; throws on socket errors. */
  Reply get(String pathOrUrl) throws IOException, InterruptedException {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : server.baseUrl() + pathOrUrl;
    HttpResponse<String> raw =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(raw.statusCode(), raw, MAPPER.readTree(raw.body()));
  }

  /** GETs until a 2xx with valid JSON arrives, retrying socket errors, 429, 5xx and bad JSON. */
  Reply getWithRetry(String pathOrUrl) throws InterruptedException {
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        Reply reply = get(pathOrUrl);
        if (reply.status() < 300) {
          return reply;
        }
      } catch (IOException e) {
        // retried below, same request
      }
    }
    throw new AssertionError("no success after 5 attempts: " + pathOrUrl);
  }

  /** Reads every page of the given style from the base path; returns the ids in the order read. */
  List<String> walk(Style style, int limit) throws InterruptedException {
    List<String> ids = new ArrayList<>();
    String base = "/items";
    String url =
        switch (style) {
          case OFFSET -> base + "?offset=0&limit=" + limit;
          case PAGE -> base + "?page=1&per_page=" + limit;
          default -> base + "?limit=" + limit;
        };
    int offset = 0;
    int page = 1;
    String lastId = null;
    for (int pages = 0; pages < MAX_PAGES && url != null; pages++) {
      Reply reply = getWithRetry(url);
      JsonNode data = style == Style.LINK ? reply.json() : reply.json().get("data");
      data.forEach(item -> ids.add(item.get("id").asText()));
      lastId = data.isEmpty() ? lastId : data.get(data.size() - 1).get("id").asText();
      url =
          switch (style) {
            case OFFSET ->
                (offset += data.size()) >= reply.json().get("total").asInt()
                    ? null
                    : base + "?offset=" + offset + "&limit=" + limit;
            case PAGE ->
                page++ >= reply.json().get("total_pages").asInt()
                    ? null
                    : base + "?page=" + page + "&per_page=" + limit;
            case TOKEN ->
                reply.json().get("next_page_token").isNull()
                    ? null
                    : base
                        + "?limit="
                        + limit
                        + "&page_token="
                        + reply.json().get("next_page_token").asText();
            case KEYSET ->
                data.size() < limit ? null : base + "?limit=" + limit + "&after_id=" + lastId;
            case NEXT_URL ->
                reply.json().get("next").isNull() ? null : reply.json().get("next").asText();
            case LINK ->
                reply
                    .header("Link")
                    .map(NEXT_LINK::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .orElse(null);
            case HAS_MORE ->
                !reply.json().get("has_more").asBoolean()
                    ? null
                    : base
                        + "?limit="
                        + limit
                        + (lastId == null ? "" : "&starting_after=" + lastId);
          };
    }
    return ids;
  }

  static List<String> range(int fromInclusive, int toInclusive) {
    List<String> ids = new ArrayList<>();
    for (int i = fromInclusive; i <= toInclusive; i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }
}
