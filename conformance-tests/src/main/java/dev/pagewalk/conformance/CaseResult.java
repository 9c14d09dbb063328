package dev.pagewalk.conformance;

import java.util.List;

/**
 * The verdict on one case: whether it passed, each problem found (a headline, possibly followed by
 * indented detail lines) and the full readable report printed for a failing case.
 */
public record CaseResult(String name, boolean passed, List<String> failures, String report) {
  public CaseResult {
    failures = List.copyOf(failures);
  }
}
