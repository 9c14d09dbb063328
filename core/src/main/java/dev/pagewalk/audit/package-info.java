/**
 * Completeness evidence: the {@code Auditor} gathers it page by page (totals, declared order, keys
 * repeated at page boundaries, sequential ids) and turns it into checks; the {@code RunReport} (the
 * JSON of {@code pagewalk run --report}) and its {@code Verdict} sum a run up; the {@code AuditLog}
 * writes one JSON line per event. Not exported.
 *
 * <p>Depends on: the API (stop reasons, results, listener events) only.
 */
package dev.pagewalk.audit;
