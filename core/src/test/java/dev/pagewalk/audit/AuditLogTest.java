package dev.pagewalk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.RunListener.RetryEvent;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.RunStats.StatusFault;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audit log names a retry's cause by its label, as it always has. */
class AuditLogTest {
  @Test
  void aRetryLineNamesTheCauseByItsLabel() {
    StringWriter out = new StringWriter();
    AuditLog log = new AuditLog(out);
    log.onStart("run-1", "items");
    log.onRetry(new RetryEvent("GET /items", 1, new StatusFault(503), Duration.ofMillis(250)));
    log.onRetry(new RetryEvent("GET /items", 2, Fault.CONNECTION_RESET, Duration.ofMillis(500)));
    assertThat(out.toString().lines())
        .containsExactly(
            "{\"event\":\"retry\",\"runId\":\"run-1\",\"request\":\"GET /items\",\"attempt\":1,"
                + "\"cause\":\"status 503\",\"delayMillis\":250}",
            "{\"event\":\"retry\",\"runId\":\"run-1\",\"request\":\"GET /items\",\"attempt\":2,"
                + "\"cause\":\"connection-reset\",\"delayMillis\":500}");
  }
}
