package dev.pagewalk;

/** A run cancelled by its embedder (thread interrupt or cancel call). */
public final class CancelledException extends PagewalkException {
  public CancelledException(String message) {
    super(ErrorCode.CANCELLED, message, null);
  }
}
