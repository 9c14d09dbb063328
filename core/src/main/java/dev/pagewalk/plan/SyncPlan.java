package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.util.List;
import java.util.Set;

/**
 * The compiled {@code sync} block: the order the API guarantees (one item-scope template per
 * field), whether a break of it fails the run ({@code strict}) or only warns, the incremental
 * cursor and tie-breaker, and the statuses that mean a saved cursor expired.
 */
public record SyncPlan(
    List<String> orderFields,
    List<Template> order,
    boolean strict,
    Template cursor,
    Template tieBreaker,
    Set<Integer> expiredCursorStatuses) {
  public static final SyncPlan NONE =
      new SyncPlan(List.of(), List.of(), true, null, null, Set.of(400, 410));

  public SyncPlan {
    orderFields = List.copyOf(orderFields);
    order = List.copyOf(order);
    expiredCursorStatuses = Set.copyOf(expiredCursorStatuses);
  }

  public boolean incremental() {
    return cursor != null;
  }
}
