package dev.pagewalk.cli;

/**
 * A bad option value found while a command runs; reported in one line, exit {@link
 * ExitCodes#USAGE}.
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
