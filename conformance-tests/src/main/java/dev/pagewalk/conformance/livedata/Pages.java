package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;

/** Parameter parsing and page building shared by the styles. */
final class Pages {
  private Pages() {}

  /** The page size asked for by {@code name}, defaulting to pageSize and capped at maxPageSize. */
  static int limit(PageRequest request, String name, LiveDataConfig config) {
    int limit = intParam(request, name, config.pageSize());
    if (limit < 1) {
      throw new BadRequestException(name + " must be >= 1 but was " + limit);
    }
    return Math.min(limit, config.maxPageSize());
  }

  static int intParam(PageRequest request, String name, int fallback) {
    Optional<String> value = request.param(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be an integer but was '" + value.get() + "'");
    }
  }

  /**
   * The sort key of the record named by id parameter {@code name}; empty when the parameter is
   * absent.
   */
  static Optional<SortKey> afterId(
      PageRequest request, String name, Dataset dataset, LiveDataConfig config) {
    Optional<String> wire = request.param(name);
    if (wire.isEmpty()) {
      return Optional.empty();
    }
    long seq;
    try {
      seq = dataset.idType().parse(wire.get());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name + ": " + e.getMessage());
    }
    return Optional.of(
        dataset
            .keyOf(seq, config.sort())
            .orElseThrow(() -> new BadRequestException("unknown " + name + ": " + wire.get())));
  }

  /**
   * The {@code updated_since} filter (ISO-8601 instant, inclusive: {@code updated_at >= since}),
   * accepted by the keyset-based styles when {@code sort: updated_at}; empty when absent.
   */
  static Optional<java.time.Instant> since(PageRequest request, LiveDataConfig config) {
    Optional<String> wire = request.param("updated_since");
    if (wire.isEmpty()) {
      return Optional.empty();
    }
    if (config.sort() != SortOrder.UPDATED_AT) {
      throw new BadRequestException("updated_since needs sort: updated_at");
    }
    try {
      return Optional.of(java.time.Instant.parse(wire.get()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequestException(
          "updated_since must be an ISO-8601 instant but was '" + wire.get() + "'");
    }
  }

  static ArrayNode data(List<Item> items, IdType idType) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    items.forEach(item -> array.add(item.toJson(idType)));
    return array;
  }

  static <T> List<T> window(List<T> all, int from, int count) {
    int start = Math.min(Math.max(from, 0), all.size());
    return all.subList(start, Math.min(all.size(), start + count));
  }
}
