package dev.pagewalk.kafka;

/** Specs that read the live-data mock, as the YAML text a connector's pagewalk.spec holds. */
final class LiveSpecs {
  private LiveSpecs() {}

  /**
   * Token style ({@code ?limit=&page_token=}), keyed by id; {@code delay} between pages or null.
   */
  static String token(String name, int pageSize, String delay) {
    return """
        pagewalk: 1
        name: %s
        baseUrl: http://127.0.0.1:9
        limits: {maxRecords: unlimited, maxRequests: unlimited, maxPaginationRequests: unlimited}
        sync:
          order: [id]
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
        .formatted(name, pageSize, delay == null ? "" : "    delay: " + delay + "\n");
  }

  /** Offset style ({@code ?offset=&limit=}): pages asked for by position. */
  static String offset(String name) {
    return """
        pagewalk: 1
        name: %s
        baseUrl: http://127.0.0.1:9
        request:
          url: /items
          qs: {limit: 10, offset: 0}
          response:
            iterate: "{{body.data}}"
            key: "{{item.id}}"
          pagination:
            qs: {offset: "{{pagination.offset}}"}
            condition: "{{pagination.offset < body.total}}"
        """
        .formatted(name);
  }
}
