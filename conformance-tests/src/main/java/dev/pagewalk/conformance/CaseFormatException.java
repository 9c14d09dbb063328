package dev.pagewalk.conformance;

/** A {@code case.yaml} (or its expected-records file) that cannot be read; names file and key. */
public final class CaseFormatException extends RuntimeException {
  public CaseFormatException(String message) {
    super(message);
  }

  public CaseFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
