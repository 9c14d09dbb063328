package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.time.Duration;
import java.util.Set;

/**
 * The compiled {@code pagination} block. {@code url}, {@code method} and {@code body} replace the
 * request's when present (null when absent); {@code qs} and {@code headers} are merged into the
 * request's when {@code mergeWithParent}, used alone otherwise. {@code removedQs} and {@code
 * removedHeaders} are the names the block sets to {@code null}: the inherited entries they remove.
 * {@code requestMayRepeat}: a next-page request identical to one already sent is the API's way (a
 * scroll), not a loop; the loop guard then judges the pages by their keys and bodies.
 */
public record PaginationPlan(
    boolean mergeWithParent,
    Template url,
    String method,
    Template headers,
    Template qs,
    Template body,
    Template condition,
    Duration delay,
    Set<String> removedQs,
    Set<String> removedHeaders,
    boolean requestMayRepeat) {
  public PaginationPlan {
    removedQs = Set.copyOf(removedQs);
    removedHeaders = Set.copyOf(removedHeaders);
  }
}
