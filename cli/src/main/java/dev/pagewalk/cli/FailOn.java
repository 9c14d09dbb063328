package dev.pagewalk.cli;

import dev.pagewalk.RunResult;
import dev.pagewalk.report.Verdict;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The completeness verdict at or below which {@code --fail-on} turns a natural end into exit {@link
 * ExitCodes#VERDICT}. Verdicts rank COMPLETE &gt; UNVERIFIED &gt; INCOMPLETE.
 */
enum FailOn {
  /** Only an INCOMPLETE verdict fails. */
  INCOMPLETE,
  /** An UNVERIFIED or INCOMPLETE verdict fails: only a proven COMPLETE run passes. */
  UNVERIFIED;

  /** Whether {@code verdict} is at or below this level. */
  boolean fails(Verdict verdict) {
    return verdict == Verdict.INCOMPLETE || (this == UNVERIFIED && verdict == Verdict.UNVERIFIED);
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The exit code of a run: its stop first (truncated 3, failed 4, cancelled 5), then, for a
   * natural end, the verdict against {@code failOn} (6 when it fails; null: never).
   */
  static int exitCode(RunResult result, FailOn failOn) {
    return switch (result.stopReason().kind()) {
      case NATURAL ->
          failOn != null && result.report() != null && failOn.fails(result.report().verdict())
              ? ExitCodes.VERDICT
              : ExitCodes.COMPLETE;
      case TRUNCATED -> ExitCodes.TRUNCATED;
      case FAILED ->
          result.stopReason() == dev.pagewalk.StopReason.CANCELLED
              ? ExitCodes.CANCELLED
              : ExitCodes.RUN_FAILURE;
    };
  }

  /** Reads {@code incomplete} or {@code unverified}, in any case. */
  static final class Converter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      for (FailOn level : values()) {
        if (level.wireName().equals(value.toLowerCase(Locale.ROOT))) {
          return level;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a verdict level: use incomplete or unverified");
    }
  }

  /** The values shown in help. */
  static final class Candidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of(INCOMPLETE.wireName(), UNVERIFIED.wireName()).iterator();
    }
  }
}
