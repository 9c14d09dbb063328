package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Read-ahead: the next page's request goes out while the page before it is written, and nothing
 * else about the run changes — the same requests in the same order, the same records, counters and
 * events, retries and events on the run's thread, a failed write or a cancel that leaves nothing
 * behind unaccounted.
 */
class ReadAheadTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: ahead
      baseUrl: http://api.test
      request:
        url: /items
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;
  private static final String RETRY =
      "retry: {on: [503, io], maxAttempts: 3, backoff: {initial: 1ms, max: 1ms}}\n";
  private static final String[] PAGES = {
    cursorPage("c2", 1, 2), cursorPage("c3", 3, 4), cursorPage(null, 5)
  };

  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

  /** The name of the thread of every transport call, in order. */
  private final List<String> senders = Collections.synchronizedList(new ArrayList<>());

  private ScriptedTransport pages() {
    return new ScriptedTransport(
        (req, i) -> {
          senders.add(Thread.currentThread().getName());
          return json(req, 200, PAGES[i]);
        });
  }

  /** The three pages, counting {@code secondSent} down when the second is asked for. */
  private static ScriptedTransport pagesSignalling(CountDownLatch secondSent) {
    return new ScriptedTransport(
        (req, i) -> {
          if (i == 1) {
            secondSent.countDown();
          }
          return json(req, 200, PAGES[i]);
        });
  }

  private Runner runner(ScriptedTransport transport, boolean readAhead) {
    return Runner.builder().transport(transport).sleeper(slept::add).readAhead(readAhead).build();
  }

  private static Plan plan(String extra) {
    return Pagewalk.parse("ahead.yaml", SPEC + extra);
  }

  @Nested
  class SameRunAsWithout {
    @Test
    void sendsTheSameRequestsAndDeliversTheSameRecordsAndCounts() {
      ScriptedTransport on = pages();
      ScriptedTransport off = pages();
      Runner.Collected ahead;
      Runner.Collected serial;
      try (Runner a = runner(on, true);
          Runner b = runner(off, false)) {
        ahead = a.collect(plan(""), RunInput.empty());
        serial = b.collect(plan(""), RunInput.empty());
      }
      assertThat(on.uris())
          .containsExactly(
              "GET http://api.test/items",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c3");
      assertThat(on.uris()).isEqualTo(off.uris());
      assertThat(ahead.records().stream().map(OutputRecord::key).toList())
          .containsExactly(1L, 2L, 3L, 4L, 5L)
          .isEqualTo(serial.records().stream().map(OutputRecord::key).toList());
      RunResult r = ahead.result();
      RunResult s = serial.result();
      assertThat(r.stopReason()).isEqualTo(StopReason.CONDITION_FALSE).isEqualTo(s.stopReason());
      assertThat(
              List.of(
                  r.stats().requests(),
                  r.stats().paginationRequests(),
                  r.stats().pages(),
                  r.stats().recordsEmitted(),
                  r.stats().bytesReceived()))
          .containsExactly(3L, 2L, 3L, 5L, s.stats().bytesReceived())
          .isEqualTo(
              List.of(
                  s.stats().requests(),
                  s.stats().paginationRequests(),
                  s.stats().pages(),
                  s.stats().recordsEmitted(),
                  s.stats().bytesReceived()));
      assertThat(r.report().verdict()).isEqualTo(s.report().verdict());
    }

    @Test
    void sendsPaginationRequestsFromAReadAheadThreadAndTheFirstFromTheRunsThread() {
      List<String> sent = sendersOf(plan(""), true);
      assertThat(sent).hasSize(3);
      assertThat(sent.get(0)).isEqualTo(Thread.currentThread().getName());
      assertThat(sent.subList(1, 3)).allMatch(n -> n.startsWith("pagewalk-read-ahead-"));
    }

    @Test
    void sendsEveryRequestFromTheRunsThreadWhenOff() {
      assertThat(sendersOf(plan(""), false)).hasSize(3).allMatch(ReadAheadTest::isThisThread);
    }

    @Test
    void neverReadsAheadAcrossAPaginationDelay() {
      String spec =
          SPEC.replace(
              "condition: \"{{body.next}}\"", "condition: \"{{body.next}}\"\n    delay: 5ms");
      assertThat(sendersOf(Pagewalk.parse("ahead.yaml", spec), true))
          .hasSize(3)
          .allMatch(ReadAheadTest::isThisThread);
      assertThat(slept).containsExactly(Duration.ofMillis(5), Duration.ofMillis(5));
    }

    @Test
    void neverReadsAheadUnderARateLimit() {
      assertThat(sendersOf(plan("rateLimit: {requests: 1000, per: 1s}\n"), true))
          .hasSize(3)
          .allMatch(ReadAheadTest::isThisThread);
    }

    /** Runs the three-page walk and returns the name of the thread of each transport call. */
    private List<String> sendersOf(Plan plan, boolean readAhead) {
      try (Runner runner = runner(pages(), readAhead)) {
        runner.collect(plan, RunInput.empty());
      }
      return senders;
    }
  }

  @Nested
  class Overlap {
    @Test
    void theNextRequestIsSentWhileThePageBeforeItIsWritten() throws Exception {
      CountDownLatch secondSent = new CountDownLatch(1);
      ScriptedTransport t = pagesSignalling(secondSent);
      List<Boolean> sentDuringFirstPage = new ArrayList<>();
      try (Runner runner = runner(t, true)) {
        RunResult r =
            runner.run(
                plan(""),
                RunInput.empty(),
                rec -> {
                  if (rec.key().equals(1L)) {
                    sentDuringFirstPage.add(await(secondSent));
                  }
                });
        assertThat(r.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
        assertThat(r.stats().recordsEmitted()).isEqualTo(5);
      }
      assertThat(sentDuringFirstPage).containsExactly(true);
    }

    @Test
    void aPagesDurationCountsItsExchangeNotTheWriteBeforeIt() {
      List<Long> durations = new ArrayList<>();
      RunListener listener =
          new RunListener() {
            @Override
            public void onPage(PageEvent page) {
              durations.add(page.durationMillis());
            }
          };
      ScriptedTransport t = pages();
      List<Integer> requestsAfterSlowWrite = new ArrayList<>();
      try (Runner runner = Runner.builder().transport(t).listener(listener).build()) {
        runner.run(
            plan(""),
            RunInput.empty(),
            rec -> {
              if (rec.key().equals(1L)) {
                sleep(600); // a slow sink on page 1, while page 2's response is already in
                requestsAfterSlowWrite.add(t.requestCount());
              }
            });
      }
      assertThat(requestsAfterSlowWrite)
          .as("page 2 was read ahead during the write")
          .containsExactly(2);
      assertThat(durations).hasSize(3);
      assertThat(durations.get(1)).as("page 2's duration").isLessThan(400);
    }

    @Test
    void withoutReadAheadTheNextRequestWaitsForTheWrite() {
      List<Integer> requestsSeenWhileWriting = new ArrayList<>();
      ScriptedTransport t = pages();
      try (Runner runner = runner(t, false)) {
        runner.run(
            plan(""),
            RunInput.empty(),
            rec -> {
              if (rec.key().equals(1L)) {
                requestsSeenWhileWriting.add(t.requestCount());
              }
            });
      }
      assertThat(requestsSeenWhileWriting).containsExactly(1);
    }
  }

  @Nested
  class Failures {
    @Test
    void aReadAheadThatFailsIsRetriedOnTheRunsThreadWithItsEvent() {
      List<String> retriedOn = new ArrayList<>();
      List<String> pagedOn = new ArrayList<>();
      RunListener listener =
          new RunListener() {
            @Override
            public void onRetry(RetryEvent retry) {
              retriedOn.add(
                  Thread.currentThread().getName()
                      + " "
                      + retry.attempt()
                      + " "
                      + retry.cause().label());
            }

            @Override
            public void onPage(PageEvent page) {
              pagedOn.add(
                  Thread.currentThread().getName() + " " + page.page() + " " + page.attempts());
            }
          };
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> {
                if (i == 1) {
                  return json(req, 503, "{}");
                }
                if (i == 2) {
                  throw new SocketException("Connection reset");
                }
                return json(req, 200, PAGES[i == 0 ? 0 : i - 2]);
              });
      String me = Thread.currentThread().getName();
      RunResult r;
      try (Runner runner =
          Runner.builder().transport(t).sleeper(slept::add).listener(listener).build()) {
        r = runner.collect(plan(RETRY), RunInput.empty()).result();
      }
      assertThat(r.failure()).isNull();
      assertThat(r.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
      assertThat(r.stats().recordsEmitted()).isEqualTo(5);
      assertThat(t.uris())
          .containsExactly(
              "GET http://api.test/items",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c3");
      assertThat(List.of(r.stats().requests(), r.stats().retries(), r.stats().pages()))
          .containsExactly(5L, 2L, 3L);
      assertThat(r.stats().faults())
          .containsEntry(new StatusFault(503), 1L)
          .containsEntry(Fault.CONNECTION_RESET, 1L);
      assertThat(retriedOn).containsExactly(me + " 1 status 503", me + " 2 connection-reset");
      assertThat(pagedOn).containsExactly(me + " 1 1", me + " 2 3", me + " 3 1");
    }

    @Test
    void aReadAheadThatCannotBeRetriedFailsTheRunWithTheSameMessage() {
      String[] messages = new String[2];
      for (int k = 0; k < 2; k++) {
        ScriptedTransport t =
            new ScriptedTransport(
                (req, i) -> {
                  if (i == 1) {
                    throw new IOException("the line went dead");
                  }
                  return json(req, 200, PAGES[i]);
                });
        try (Runner runner = runner(t, k == 0)) {
          RunResult r =
              runner.collect(plan("retry: {maxAttempts: 1}\n"), RunInput.empty()).result();
          assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
          assertThat(r.stats().requests()).isEqualTo(2);
          assertThat(r.stats().recordsEmitted()).isEqualTo(2);
          messages[k] = r.failure().getMessage();
        }
      }
      assertThat(messages[0])
          .isEqualTo(
              "ahead: GET http://api.test/items?cursor=c2 failed (io): IOException: the line went dead")
          .isEqualTo(messages[1]);
    }

    @Test
    void aWriteThatFailsCountsTheReadAheadItAlreadySent() throws Exception {
      CountDownLatch secondSent = new CountDownLatch(1);
      ScriptedTransport t = pagesSignalling(secondSent);
      RunResult r;
      try (Runner runner = runner(t, true)) {
        r =
            runner.run(
                plan(""),
                RunInput.empty(),
                rec -> {
                  await(secondSent);
                  throw new IllegalStateException("disk full");
                });
      }
      assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(r.failure()).hasMessage("ahead: disk full");
      assertThat(t.requestCount()).isEqualTo(2);
      assertThat(
              List.of(
                  r.stats().requests(),
                  r.stats().paginationRequests(),
                  r.stats().pages(),
                  r.stats().recordsEmitted()))
          .containsExactly(2L, 1L, 0L, 0L);
    }

    @Test
    void anInterruptBeforeTheWriteStillWritesThePageAndReadsNothingAhead() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> {
                Thread.currentThread()
                    .interrupt(); // the embedder cancels while page 1 is on its way
                return json(req, 200, PAGES[i]);
              });
      List<Object> delivered = new ArrayList<>();
      RunResult r;
      try (Runner runner = runner(t, true)) {
        r = runner.run(plan(""), RunInput.empty(), rec -> delivered.add(rec.key()));
      } finally {
        Thread.interrupted();
      }
      assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
      assertThat(delivered).containsExactly(1L, 2L);
      assertThat(t.requestCount()).isEqualTo(1);
      assertThat(List.of(r.stats().requests(), r.stats().pages(), r.stats().recordsEmitted()))
          .containsExactly(1L, 1L, 2L);
    }

    @Test
    void interruptingTheRunWhileItWaitsForAReadAheadCancelsItAtOnce() throws Exception {
      CountDownLatch secondSent = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> {
                if (i == 1) {
                  secondSent.countDown();
                  await(release);
                }
                return json(req, 200, PAGES[i]);
              });
      AtomicReference<RunResult> result = new AtomicReference<>();
      List<Object> delivered = Collections.synchronizedList(new ArrayList<>());
      try (Runner runner = runner(t, true)) {
        Consumer<OutputRecord> sink = rec -> delivered.add(rec.key());
        Thread run = new Thread(() -> result.set(runner.run(plan(""), RunInput.empty(), sink)));
        run.start();
        assertThat(secondSent.await(10, TimeUnit.SECONDS)).isTrue();
        while (delivered.size() < 2) {
          Thread.sleep(1);
        }
        run.interrupt();
        run.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(run.isAlive()).as("run still going 10s after the interrupt").isFalse();
        release.countDown();
      }
      RunResult r = result.get();
      assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
      assertThat(r.failure()).hasMessage("ahead: run cancelled");
      assertThat(delivered).containsExactly(1L, 2L);
      assertThat(List.of(r.stats().requests(), r.stats().pages())).containsExactly(2L, 1L);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isThisThread(String name) {
    return name.equals(Thread.currentThread().getName());
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
