package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.util.List;
import java.util.Locale;

/**
 * The compiled {@code audit} block: the API's own total (response scope), a sequential numeric id
 * (item scope), what to do when drift is detected, how many walks a rewalk may take, and what the
 * endpoint is documented to leave out ({@code audit.excludes}: the report's caveats).
 */
public record AuditPlan(
    Template total, Template sequentialId, OnDrift onDrift, int maxWalks, List<String> excludes) {
  public static final AuditPlan NONE = new AuditPlan(null, null, OnDrift.REPORT, 3, List.of());

  public AuditPlan {
    excludes = List.copyOf(excludes);
  }

  /** {@code audit.onDrift}: what a run does when it detects drift. */
  public enum OnDrift {
    /** Say so in the report (the verdict is incomplete) and end as the walk ended. */
    REPORT,
    /** Fail the run ({@code drift}). */
    FAIL,
    /** Walk the data again until two walks agree, up to {@code audit.maxWalks}. */
    REWALK;

    /** The spec's name: {@code report}, {@code fail}, {@code rewalk}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The value of a spec's name; the schema admits no other. */
    public static OnDrift fromWireName(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }
}
