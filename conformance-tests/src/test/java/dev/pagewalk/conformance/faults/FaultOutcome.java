package dev.pagewalk.conformance.faults;

import java.util.List;

/**
 * What one fault scenario did: a row of {@code docs/faults.md}. {@code error} has the mock's
 * address replaced by {@code ${baseUrl}} so the table does not change from run to run.
 */
record FaultOutcome(
    String fault,
    String server,
    String outcome,
    String records,
    long retries,
    List<String> events,
    String error) {

  String row() {
    return "| "
        + cell(fault)
        + " | "
        + cell(server)
        + " | "
        + cell(outcome)
        + " | "
        + cell(records)
        + " | "
        + retries
        + " | "
        + cell(events.isEmpty() ? "—" : String.join(", ", events))
        + " | "
        + cell(error == null ? "—" : error)
        + " |";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
