package dev.pagewalk;

import java.util.List;

/**
 * A loaded, validated and compiled spec, as {@link Pagewalk#load} returns it and {@link Runner}
 * runs it. Opaque: it names the spec and its declared inputs; what it compiled (templates,
 * pagination, retry rules) stays inside the engine and may change between versions. Immutable and
 * thread-safe; one plan serves any number of concurrent runs.
 *
 * <p>Only plans obtained from {@link Pagewalk} can be run; a runner refuses any other
 * implementation with {@link InputException}.
 */
public interface Plan {
  /** The spec's {@code name}; it names the sync, the checkpoint and the report. */
  String name();

  /** The spec's {@code title}; null when it declares none. */
  String title();

  /** The file the spec was loaded from, as diagnostics name it. */
  String fileName();

  /** A hash of the spec's text; a checkpoint records it so that a changed spec is noticed. */
  String contentHash();

  /** The names of the spec's declared {@code parameters}, in declaration order. */
  List<String> parameterNames();

  /** The names of the spec's declared {@code connection} values, in declaration order. */
  List<String> connectionNames();

  /**
   * Whether the next page is asked for by its position ({@code pagination.offset} or {@code
   * pagination.page} in what a page request sends) rather than by something the API returned (a
   * cursor, token, link or key). A walk resumed by position cannot be exact over data that changes:
   * inserts and deletes before the position repeat or skip records.
   */
  boolean pagesByPosition();

  /**
   * The names of the spec's streams, in declaration order: those under {@code streams}, or the
   * spec's own name for a spec with one {@code request}/{@code requests}. {@code Runner.runStreams}
   * runs any of them.
   */
  default List<String> streamNames() {
    return List.of(name());
  }
}
