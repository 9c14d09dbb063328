package dev.pagewalk;

/** Run inputs (parameters, connection values, overrides) that break their declarations. */
public final class InputException extends PagewalkException {
  public InputException(String message) {
    super(ErrorCode.INPUT, message, null);
  }
}
