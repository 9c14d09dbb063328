package dev.pagewalk.engine;

/** The first request of a resumed walk was refused with a status that means "cursor expired". */
final class ExpiredCursor extends RuntimeException {
  final int status;
  final String request;

  ExpiredCursor(int status, String request) {
    super(request + " returned " + status, null, false, false);
    this.status = status;
    this.request = request;
  }
}
