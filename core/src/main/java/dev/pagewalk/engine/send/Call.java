package dev.pagewalk.engine.send;

import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.http.StreamParser;
import dev.pagewalk.spi.HttpRequest;
import java.util.Objects;

/**
 * One logical request as the pipeline sends it: the request, its redacted form for messages and
 * events, whether it asks for a next page, the bounds the lower links enforce, and the parser for a
 * body read as it arrives. Two calls are the same request when their {@code http} requests are
 * equal; that is how a read-ahead is found again.
 */
public record Call(
    HttpRequest http,
    String display,
    boolean pagination,
    RequestLimits limits,
    StreamParser parser) {
  public Call {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(limits, "limits");
  }
}
