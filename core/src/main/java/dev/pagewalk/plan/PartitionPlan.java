package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.time.Duration;

/** A stream's compiled {@code partitions}: one walk per value, or per date window. */
public sealed interface PartitionPlan {
  /** {@code partitions.values}: a list, or an expression giving one; each item is a walk. */
  record Values(Template values) implements PartitionPlan {}

  /**
   * {@code partitions.dates}: windows {@code [start, end)} of {@code step}, from {@code from} up to
   * {@code to} (the last window ends at {@code to}).
   */
  record Dates(Template from, Template to, Duration step) implements PartitionPlan {}
}
