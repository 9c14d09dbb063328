package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;

/**
 * The compiled {@code audit} block: the API's own total (response scope), a sequential numeric
 * id (item scope), what to do when drift is detected ({@code report}, {@code fail} or {@code
 * rewalk}) and how many walks a rewalk may take.
 */
public record AuditPlan(Template total, Template sequentialId, String onDrift, int maxWalks) {
  public static final AuditPlan NONE = new AuditPlan(null, null, "report", 3);
}
