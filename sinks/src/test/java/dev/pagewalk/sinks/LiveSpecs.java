package dev.pagewalk.sinks;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;

/** Specs that read the live-data mock. */
final class LiveSpecs {
  private LiveSpecs() {}

  /**
   * Token style ({@code ?limit=&page_token=}), keyed by id; {@code delay} between pages or null.
   */
  static Plan token(int pageSize, String delay) {
    return Pagewalk.parse(
        "live-items.yaml",
        """
        pagewalk: 1
        name: live-items
        baseUrl: http://127.0.0.1:9
        limits: {maxRecords: unlimited, maxRequests: unlimited, maxPaginationRequests: unlimited}
        request:
          url: /items
          qs:
            limit: %d
          response:
            iterate: "{{body.data}}"
            key: "{{item.id}}"
          pagination:
            qs:
              page_token: "{{body.next_page_token}}"
            condition: "{{body.next_page_token}}"
        %s"""
            .formatted(pageSize, delay == null ? "" : "    delay: " + delay + "\n"));
  }

  /**
   * Token style sorted by {@code updated_at}, incremental on {@code (updated_at, id)}: the request
   * passes {@code state.cursor} as the mock's inclusive {@code updated_since} filter.
   */
  static Plan incremental(int pageSize) {
    return Pagewalk.parse(
        "live-changes.yaml",
        """
        pagewalk: 1
        name: live-changes
        baseUrl: http://127.0.0.1:9
        limits: {maxRecords: unlimited, maxRequests: unlimited, maxPaginationRequests: unlimited}
        sync:
          order: [updated_at, id]
          incremental: {cursor: "{{item.updated_at}}", tieBreaker: "{{item.id}}"}
        request:
          url: /items
          qs:
            limit: %d
            updated_since: "{{state.cursor}}"
          response:
            iterate: "{{body.data}}"
            key: "{{item.id}}"
          pagination:
            qs:
              page_token: "{{body.next_page_token}}"
            condition: "{{body.next_page_token}}"
        """
            .formatted(pageSize));
  }
}
