package dev.pagewalk.conformance.livedata;

import dev.pagewalk.json.JsonConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the nested resources of a {@link NestedConfig}, GitHub-style: a bare JSON array per page,
 * {@code ?page=} (from 1) and {@code ?per_page=} (default the config's {@code pageSize}, capped at
 * its {@code maxPageSize}), and an RFC 8288 {@code Link: <...&page=N+1>; rel="next"} header unless
 * the page is the last.
 *
 * <ul>
 *   <li>{@code GET /orgs}
 *   <li>{@code GET /orgs/{org}/repos}
 *   <li>{@code GET /repos/{org}/{repo}/issues}
 *   <li>{@code GET /repos/{org}/{repo}/issues/{number}/comments}
 *   <li>{@code GET /events?since=&until=&type=}: events with {@code since <= created_at < until}
 *       (ISO-8601 date-times, both optional) and of that type, oldest first
 * </ul>
 *
 * An unknown organisation, repository or issue answers {@code 404 {"message": "Not Found"}}, a
 * malformed parameter {@code 400}, a path of {@code fail} its status. Thread-safe: one request at a
 * time.
 */
final class NestedHandler {
  private static final Pattern REPOS = Pattern.compile("/orgs/([^/]+)/repos");
  private static final Pattern ISSUES = Pattern.compile("/repos/([^/]+/[^/]+)/issues");
  private static final Pattern COMMENTS =
      Pattern.compile("/repos/([^/]+/[^/]+)/issues/([^/]+)/comments");

  private final NestedConfig config;
  private final NestedData data;
  private final int pageSize;
  private final int maxPageSize;
  private final List<String> requests = new ArrayList<>();
  private final List<java.time.Instant> times = new java.util.ArrayList<>();
  private final List<String> answers = new ArrayList<>();

  NestedHandler(NestedConfig config, int pageSize, int maxPageSize) {
    this.config = config;
    this.data = new NestedData(config);
    this.pageSize = pageSize;
    this.maxPageSize = maxPageSize;
  }

  /** Paths this handler serves, for the WireMock stub. */
  static String pathRegex() {
    return "/orgs(/[^/]+/repos)?|/repos/[^/]+/[^/]+/issues(/[^/]+/comments)?|/events";
  }

  synchronized PageResponse handle(String url, String origin) {
    requests.add(url);
    times.add(java.time.Instant.now());
    PageResponse response = answer(URI.create(url), origin);
    answers.add(String.valueOf(response.status()));
    return response;
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  synchronized List<java.time.Instant> times() {
    return List.copyOf(times);
  }

  synchronized List<String> answers() {
    return List.copyOf(answers);
  }

  private PageResponse answer(URI uri, String origin) {
    String path = uri.getRawPath();
    for (NestedConfig.PathFailure f : config.failures()) {
      if (f.path().equals(path)) {
        return f.body() == null
            ? message(f.status(), "Injected failure")
            : PageResponse.json(f.status(), tree(f.body()));
      }
    }
    Map<String, String> query = query(uri.getRawQuery());
    try {
      List<Map<String, Object>> items = route(path, query);
      return items == null ? message(404, "Not Found") : page(items, uri, query, origin);
    } catch (IllegalArgumentException e) {
      return message(400, e.getMessage());
    }
  }

  private List<Map<String, Object>> route(String path, Map<String, String> query) {
    if (path.equals("/orgs")) {
      return data.orgs();
    }
    if (path.equals("/events")) {
      return events(query);
    }
    Matcher m;
    if ((m = REPOS.matcher(path)).matches()) {
      return data.repos(decode(m.group(1)));
    }
    if ((m = ISSUES.matcher(path)).matches()) {
      return data.issues(decode(m.group(1)));
    }
    if ((m = COMMENTS.matcher(path)).matches()) {
      return data.comments(decode(m.group(1)), decode(m.group(2)));
    }
    return null;
  }

  private List<Map<String, Object>> events(Map<String, String> query) {
    Instant since = instant(query, "since");
    Instant until = instant(query, "until");
    String type = query.get("type");
    return data.events().stream()
        .filter(
            e -> {
              Instant at = Instant.parse((String) e.get("created_at"));
              return (since == null || !at.isBefore(since))
                  && (until == null || at.isBefore(until))
                  && (type == null || type.equals(e.get("type")));
            })
        .toList();
  }

  private PageResponse page(
      List<Map<String, Object>> items, URI uri, Map<String, String> query, String origin) {
    int page = positive(query, "page", 1);
    int perPage = Math.min(positive(query, "per_page", pageSize), maxPageSize);
    long from = Math.min((long) (page - 1) * perPage, items.size());
    int to = (int) Math.min(from + perPage, items.size());
    PageResponse response =
        PageResponse.json(200, JsonConfig.MAPPER.valueToTree(items.subList((int) from, to)));
    if (to >= items.size()) {
      return response;
    }
    return response.withHeader(
        "Link",
        "<" + origin + uri.getRawPath() + "?" + nextQuery(uri, page + 1) + ">; rel=\"next\"");
  }

  private static String nextQuery(URI uri, int page) {
    List<String> parts = new ArrayList<>();
    if (uri.getRawQuery() != null) {
      for (String part : uri.getRawQuery().split("&")) {
        if (!part.isEmpty() && !part.startsWith("page=")) {
          parts.add(part);
        }
      }
    }
    parts.add("page=" + page);
    return String.join("&", parts);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          out.put(decode(part.substring(0, eq)), decode(part.substring(eq + 1)));
        }
      }
    }
    return out;
  }

  private static int positive(Map<String, String> query, String name, int fallback) {
    String value = query.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from 1, got '" + value + "'");
  }

  private static Instant instant(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 date-time like 2026-01-01T00:00:00Z, got '" + value + "'");
    }
  }

  private static PageResponse message(int status, String message) {
    return PageResponse.json(
        status,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("message", message));
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
    try {
      return JsonConfig.MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("nested.fail body is not JSON: " + json, e);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
