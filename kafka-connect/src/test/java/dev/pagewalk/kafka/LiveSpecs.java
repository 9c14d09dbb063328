package dev.pagewalk.kafka;

import java.util.List;

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

  /**
   * A spec of two streams over the live-data mock's nested resources: the repositories of each of
   * {@code orgs} (a partition each) and each repository's issues, at most {@code rate} requests a
   * second.
   */
  static String reposAndIssues(String name, int rate, List<String> orgs) {
    return """
      pagewalk: 1
      name: %s
      baseUrl: http://127.0.0.1:9
      limits: {maxRecords: unlimited, maxRequests: unlimited, maxPaginationRequests: unlimited}
      rateLimit: {requests: %d, per: 1s}
      concurrency: 2
      streams:
        repos:
          partitions: {values: [%s]}
          request:
            url: "/orgs/{{partition}}/repos"
            qs: {per_page: 2}
            response:
              iterate: "{{body}}"
              key: "{{item.id}}"
              output: {id: "{{item.id}}", full_name: "{{item.full_name}}"}
            pagination:
              mergeWithParent: false
              url: "{{links.next}}"
              condition: "{{links.next}}"
          sync: {order: [id]}
        issues:
          parent: repos
          request:
            url: "/repos/{{parent.full_name}}/issues"
            qs: {per_page: 2}
            response:
              iterate: "{{body}}"
              key: ["{{parent.id}}", "{{item.id}}"]
              output: {repository: "{{parent.full_name}}", id: "{{item.id}}"}
            pagination:
              mergeWithParent: false
              url: "{{links.next}}"
              condition: "{{links.next}}"
          sync: {order: [id]}
      """
        .formatted(name, rate, String.join(", ", orgs));
  }
}
