package dev.pagewalk.sinks;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.plan.Plan;

/** Specs that read the live-data mock. */
final class LiveSpecs {
  private LiveSpecs() {}

  /** Token style ({@code ?limit=&page_token=}), keyed by id; {@code delay} between pages or null. */
  static Plan token(int pageSize, String delay) {
    return Pagewalk.parse("live-items.yaml", """
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
        %s""".formatted(pageSize, delay == null ? "" : "    delay: " + delay + "\n"));
  }
}
