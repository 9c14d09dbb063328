package dev.pagewalk;

/** Run inputs (parameters, connection values, overrides) that break their declarations. */
public final class InputException extends PagewalkException {
  public InputException(String message) {
    super(ErrorCode.INPUT, message, null);
  }

  /**
   * A refusal of another kind found before the run starts, such as saved state that cannot be
   * trusted ({@link ErrorCode#STATE}).
   */
  public InputException(ErrorCode code, String message) {
    super(code, message, null);
  }
}
