/**
 * The completeness report (API) every run ends with ({@link dev.pagewalk.RunResult#report()}): a
 * {@link dev.pagewalk.report.RunReport} says what the run did, lists each {@link
 * dev.pagewalk.report.Check} with its evidence and sums them up in a {@link
 * dev.pagewalk.report.Verdict}. Its JSON ({@code pagewalk run --report}) has the shape of {@code
 * pagewalk-report-v1.schema.json}. The evidence is gathered by {@code dev.pagewalk.audit}.
 *
 * <p>Depends on: the API ({@code dev.pagewalk}); internally on {@code json} (how the report's JSON
 * is written).
 */
package dev.pagewalk.report;
