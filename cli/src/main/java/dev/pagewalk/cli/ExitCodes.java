package dev.pagewalk.cli;

/**
 * The exit codes of every {@code pagewalk} command, in one place so scripts can rely on them. The
 * {@code *_HELP} strings are the lines of the "Exit codes" section of each command's help.
 */
public final class ExitCodes {
  /** The run stopped naturally: the API said there is no more. Validation or tests passed. */
  public static final int COMPLETE = 0;

  /** Unexpected internal error (a bug in pagewalk). */
  public static final int INTERNAL = 1;

  /** A spec could not be loaded (validate, run). */
  public static final int SPEC_ERROR = 2;

  /** A cap or limit stopped the run: there may be more records. Also: conformance cases failed. */
  public static final int TRUNCATED = 3;

  /** The run failed: HTTP error, timeout, loop detected. */
  public static final int RUN_FAILURE = 4;

  /**
   * The run was stopped (SIGINT, SIGTERM, or its output closed) after a whole page: what was
   * written stays, with its checkpoint; {@code --resume} continues from there.
   */
  public static final int CANCELLED = 5;

  /**
   * The run ended naturally, but its completeness verdict is at or below the level {@code
   * --fail-on} names (COMPLETE &gt; UNVERIFIED &gt; INCOMPLETE).
   */
  public static final int VERDICT = 6;

  /** Bad options or run inputs (sysexits EX_USAGE). */
  public static final int USAGE = 64;

  static final String HEADING = "%nExit codes:%n";
  static final String COMPLETE_HELP =
      COMPLETE + ":complete: the run stopped naturally, or every check passed";
  static final String RUN_COMPLETE_HELP =
      COMPLETE + ":complete: the run stopped naturally (the API said there is no more)";
  static final String SPEC_HELP = SPEC_ERROR + ":spec error: a spec could not be loaded";
  static final String TRUNCATED_HELP =
      TRUNCATED + ":truncated: a cap or limit stopped the run; there may be more";
  static final String FAILURE_HELP =
      RUN_FAILURE + ":run failure: HTTP error, timeout, loop detected";
  static final String CANCELLED_HELP =
      CANCELLED
          + ":cancelled: stopped by SIGINT or SIGTERM (or its output closed) after a whole page; continue with --resume";
  static final String VERDICT_HELP =
      VERDICT + ":verdict: the run ended naturally but its verdict is at or below --fail-on";
  static final String USAGE_HELP = USAGE + ":usage or input error: bad options or parameter values";
  static final String INTERNAL_HELP = INTERNAL + ":internal error (a bug: please report it)";

  private ExitCodes() {}
}
