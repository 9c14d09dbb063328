package dev.pagewalk.engine.send;

import dev.pagewalk.StopReason;
import java.util.Objects;

/**
 * Why a call ended the run, and how: the stop reason and the failure to report — a {@link
 * dev.pagewalk.PagewalkException} with its error code, or the RuntimeException a transport threw,
 * passed on untouched.
 */
public record SendFailure(StopReason reason, RuntimeException error) {
  public SendFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(error, "error");
  }
}
