/**
 * Completeness evidence: the {@code Auditor} gathers it page by page (totals, declared order, keys
 * repeated at page boundaries, sequential ids) and turns it into the checks of the run's report
 * ({@code dev.pagewalk.report}); {@code ReportCounts} names the report's counts; the {@code
 * AuditLog} writes one JSON line per event. Not exported.
 *
 * <p>Depends on: the API (stop reasons, results, listener events, the report's types); internally
 * on {@code json} (how the audit log is written).
 */
package dev.pagewalk.audit;
