package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.time.Duration;

/**
 * The compiled {@code pagination} block. {@code url}, {@code method} and {@code body} replace the
 * request's when present (null when absent); {@code qs} and {@code headers} are merged into the
 * request's when {@code mergeWithParent}, used alone otherwise.
 */
public record PaginationPlan(
    boolean mergeWithParent,
    Template url,
    String method,
    Template headers,
    Template qs,
    Template body,
    Template condition,
    Duration delay) {}
