package dev.pagewalk.engine.send;

import static dev.pagewalk.engine.send.Rig.RETRY;
import static dev.pagewalk.engine.send.Rig.get;
import static dev.pagewalk.engine.send.Rig.ok;
import static dev.pagewalk.engine.send.Rig.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.retry.Pacer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every attempt, retries included, waits for the run's rate limit first. */
class PaceLinkTest {
  private final Rig rig = new Rig();

  @Test
  void waitsForATokenOfTheBucketBeforeEachAttempt() {
    Pacer pacer = Pacer.of(2, Duration.ofSeconds(1), false, Duration.ofMinutes(1), rig.clock);
    rig.answer(ok("[1]"), status(503), ok("[2]"));
    Pipeline pipeline = rig.pipeline(RETRY, pacer, null);
    Exchange<String> first = pipeline.send(get("/a"), Before.NOTHING, Rig::text);
    Exchange<String> second = pipeline.send(get("/b"), Before.NOTHING, Rig::text);
    assertThat(first.waits()).isEqualTo(Waits.NONE);
    assertThat(rig.waits).containsExactly("retry 100", "rateLimit 900");
    assertThat(second.waits().rateLimit()).isEqualTo(Duration.ofMillis(900));
    assertThat(second.waits().retry()).isEqualTo(Duration.ofMillis(100));
    assertThat(second.waits().total()).isEqualTo(Duration.ofSeconds(1));
    assertThat(second.body()).isEqualTo("200 [2]");
  }

  @Test
  void waitsForAQuotaTheServerSaidIsUsedUp() {
    Pacer pacer = Pacer.of(0, null, true, Duration.ofMinutes(1), rig.clock);
    rig.answer(status(200, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "5"), ok("[]"));
    Pipeline pipeline = rig.pipeline(RETRY, pacer, null);
    assertThat(pipeline.send(get("/a"), Before.NOTHING, Rig::text).waits()).isEqualTo(Waits.NONE);
    Exchange<String> next = pipeline.send(get("/b"), Before.NOTHING, Rig::text);
    assertThat(rig.waits).containsExactly("rateLimit 5000");
    assertThat(next.waits().of(Pause.SERVER_QUOTA)).isEqualTo(Duration.ofSeconds(5));
    assertThat(next.waits().rateLimit()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aServerWaitIsCappedAtTheRetryAfterMaximum() {
    Pacer pacer = Pacer.of(0, null, true, Duration.ofSeconds(60), rig.clock);
    rig.answer(status(200, "RateLimit-Remaining", "0", "RateLimit-Reset", "86400"), ok("[]"));
    Pipeline pipeline = rig.pipeline(RETRY, pacer, null);
    pipeline.send(get("/a"), Before.NOTHING, Rig::text);
    pipeline.send(get("/b"), Before.NOTHING, Rig::text);
    assertThat(rig.slept).containsExactly(Duration.ofSeconds(60));
  }
}
