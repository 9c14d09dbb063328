package dev.pagewalk.engine.page;

import java.util.List;

/**
 * The records of one accepted page. {@code received} counts the items {@code iterate} returned,
 * before filtering; {@code truncated} says a limit cut the page short. The parallel lists hold, per
 * record, what the sync and audit blocks read from it (empty when the spec declares none).
 */
public record Page(
    PageRecords records,
    int received,
    int filtered,
    boolean truncated,
    List<List<Object>> order,
    List<Long> sequentialIds,
    List<List<Object>> cursors) {

  /** The same page with nothing to deliver (a repeat of the page before it). */
  public Page withoutRecords() {
    return new Page(
        records.keep(new boolean[records.size()]),
        received,
        filtered,
        truncated,
        List.of(),
        List.of(),
        List.of());
  }
}
