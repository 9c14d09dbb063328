package dev.pagewalk.conformance.livedata;

/**
 * A request the mock cannot serve (bad parameter, unknown id, malformed token): answered with 400.
 */
final class BadRequestException extends RuntimeException {
  BadRequestException(String message) {
    super(message);
  }
}
