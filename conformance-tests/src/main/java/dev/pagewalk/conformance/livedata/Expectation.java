package dev.pagewalk.conformance.livedata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ids a complete read of a changing dataset must, may and must not contain. Ids are in their
 * wire form ({@code "42"} or {@code "item-000042"}), as {@code JsonNode.asText()} gives them.
 *
 * @param mustContain ids present for the whole run: there at the start and never deleted
 * @param mayContain ids inserted or deleted during the run; a read may or may not see them
 */
public record Expectation(List<String> mustContain, List<String> mayContain) {

  public Expectation {
    mustContain = List.copyOf(mustContain);
    mayContain = List.copyOf(mayContain);
  }

  /** True for ids that never existed during the run. */
  public boolean mustNotContain(String id) {
    return !mustContain.contains(id) && !mayContain.contains(id);
  }

  /** Compares the ids a client read, in order, with this expectation. */
  public Verdict verify(Collection<String> seen) {
    Set<String> distinct = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    List<String> unexpected = new ArrayList<>();
    for (String id : seen) {
      if (!distinct.add(id)) {
        duplicates.add(id);
      }
      if (mustNotContain(id) && !unexpected.contains(id)) {
        unexpected.add(id);
      }
    }
    List<String> missing = mustContain.stream().filter(id -> !distinct.contains(id)).toList();
    return new Verdict(missing, unexpected, List.copyOf(duplicates));
  }

  /**
   * The outcome of {@link #verify}: a read is complete when nothing is missing or unexpected;
   * duplicates are reported separately because idempotent sinks tolerate them.
   */
  public record Verdict(List<String> missing, List<String> unexpected, List<String> duplicates) {
    public boolean complete() {
      return missing.isEmpty() && unexpected.isEmpty();
    }
  }
}
