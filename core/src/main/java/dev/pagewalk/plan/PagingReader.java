package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.expr.Scope;
import dev.pagewalk.expr.Template;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Compiles a request's {@code pagination} and {@code repeat} blocks, each template in the scope of
 * its place. Absent blocks are {@code null}: the request neither paginates nor repeats.
 */
final class PagingReader {
  private final BiFunction<String, Scope, Template> template;

  /**
   * @param template compiles the template at a pointer in a scope (null when absent or broken)
   */
  PagingReader(BiFunction<String, Scope, Template> template) {
    this.template = template;
  }

  PaginationPlan pagination(String at, JsonNode node) {
    if (node.isMissingNode()) {
      return null;
    }
    return new PaginationPlan(
        node.path("mergeWithParent").asBoolean(true),
        template.apply(at + "/url", Scopes.pagination("pagination.url")),
        node.has("method") ? node.get("method").asText().toUpperCase(Locale.ROOT) : null,
        template.apply(at + "/headers", Scopes.pagination("pagination.headers")),
        template.apply(at + "/qs", Scopes.pagination("pagination.qs")),
        template.apply(at + "/body", Scopes.pagination("pagination.body")),
        template.apply(at + "/condition", Scopes.pagination("pagination.condition")),
        node.has("delay") ? Durations.parse(node.get("delay").asText()) : null,
        nulled(node.path("qs")),
        nulled(node.path("headers")),
        node.path("requestMayRepeat").asBoolean(false));
  }

  RepeatPlan repeat(String at, JsonNode node) {
    if (node.isMissingNode()) {
      return null;
    }
    return new RepeatPlan(
        template.apply(at + "/condition", Scopes.repeat("repeat.condition")),
        node.has("delay") ? Durations.parse(node.get("delay").asText()) : null,
        node.path("limit").asInt(1));
  }

  /** The names a map sets to {@code null}. */
  private static Set<String> nulled(JsonNode map) {
    Set<String> names = new LinkedHashSet<>();
    map.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                names.add(e.getKey());
              }
            });
    return names;
  }
}
