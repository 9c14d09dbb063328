package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import org.apache.kafka.connect.source.ExactlyOnceSupport;

/**
 * Whether a spec's walk resumes exactly where its last committed page ended, which exactly-once
 * delivery needs, and why.
 *
 * @param support what the connector answers Connect
 * @param reason one sentence for the log and for a refused {@code exactly.once.support=required}
 */
record Exactness(ExactlyOnceSupport support, String reason) {

  static Exactness of(Plan plan) {
    if (plan.pagesByPosition()) {
      return new Exactness(
          ExactlyOnceSupport.UNSUPPORTED,
          plan.name()
              + " asks for its pages by position (pagination.offset or pagination.page): records"
              + " inserted or deleted before that position while the walk runs or waits to resume"
              + " are read twice or skipped, so its walk cannot be delivered exactly once; page"
              + " with a cursor, token, link or key the API returns instead");
    }
    return new Exactness(
        ExactlyOnceSupport.SUPPORTED,
        plan.name()
            + " resumes at the position the API returned with its last committed page (a cursor,"
            + " token, link or key), so each page is delivered exactly once");
  }
}
