package dev.pagewalk.engine.send;

import dev.pagewalk.RunListener;
import dev.pagewalk.WaitReason;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.MalformedBodyException;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.plan.Jitter;
import dev.pagewalk.plan.RetryPlan;
import dev.pagewalk.plan.SyncPlan;
import dev.pagewalk.retry.Pacer;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * A pipeline over a scripted transport, with a clock that only moves when the run sleeps: every
 * wait is recorded and costs no real time. Records the transport's requests (and their threads),
 * the listener's waits and retries.
 */
final class Rig {
  /** One answer of the script: a response or an I/O failure. */
  interface Answer {
    HttpResponse answer(HttpRequest request) throws IOException;
  }

  static final RetryPlan RETRY =
      new RetryPlan(
          java.util.Set.of(429, 503),
          true,
          4,
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Jitter.NONE,
          true,
          Duration.ofSeconds(60),
          2,
          false,
          100,
          Duration.ofMinutes(15));

  final MutableClock clock = new MutableClock();
  final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
  final List<String> waits = Collections.synchronizedList(new ArrayList<>());
  final List<String> retries = Collections.synchronizedList(new ArrayList<>());
  final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  final List<String> threads = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Answer> script = new ArrayDeque<>();

  /** A sleep that throws InterruptedException when this many sleeps have been made before it. */
  int interruptAtSleep = -1;

  Rig answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  Pipeline pipeline(RetryPlan plan, Pacer pacer, Executor readAhead) {
    RunListener listener =
        new RunListener() {
          @Override
          public void onRetry(RetryEvent retry) {
            retries.add(
                retry.attempt() + " " + retry.cause().label() + " " + retry.delay().toMillis());
          }

          @Override
          public void onWait(WaitReason why, Duration duration) {
            waits.add(why + " " + duration.toMillis());
          }
        };
    Transport transport =
        new Transport() {
          @Override
          public synchronized Response send(HttpRequest request, Exchange exchange)
              throws IOException {
            sent.add(request.method() + " " + request.uri());
            threads.add(Thread.currentThread().getName());
            Answer next = script.poll();
            if (next == null) {
              throw new AssertionError("no answer scripted for " + request);
            }
            HttpResponse answer = next.answer(request);
            return Response.of(answer.status(), answer.reason(), answer.headers(), answer.body());
          }
        };
    return new Pipeline(
        new Retrying(
            "spec",
            plan,
            new Statuses(plan, SyncPlan.NONE),
            new RetryBudget(plan),
            (value, now) ->
                value == null
                    ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(Long.parseLong(value))),
            clock,
            this::sleep,
            listener,
            new SplittableRandom(1)),
        pacer,
        AuthLink.NONE,
        new Exchanger(transport),
        readAhead);
  }

  Pipeline pipeline(RetryPlan plan) {
    return pipeline(plan, Pacer.NONE, null);
  }

  private void sleep(Duration d) throws InterruptedException {
    if (slept.size() == interruptAtSleep) {
      throw new InterruptedException();
    }
    slept.add(d);
    clock.advance(d);
  }

  static Call call(String method, String path) {
    return new Call(
        new HttpRequest(method, URI.create("http://api.test" + path), null, null),
        method + " http://api.test" + path,
        true,
        RequestLimits.of(null),
        null);
  }

  static Call get(String path) {
    return call("GET", path);
  }

  static Answer status(int status, String... headers) {
    return request -> response(request, status, "{}", headers);
  }

  static Answer ok(String body) {
    return request -> response(request, 200, body);
  }

  static Answer fail(IOException e) {
    return request -> {
      throw e;
    };
  }

  /** Decodes a body as text; a body reading {@code truncated} is a truncated body. */
  static String text(dev.pagewalk.http.Parsed parsed) throws IOException {
    String body = new String(parsed.response().body(), StandardCharsets.UTF_8);
    if (body.equals("truncated")) {
      throw new MalformedBodyException("truncated JSON", true, null);
    }
    return parsed.response().status() + " " + body;
  }

  private static HttpResponse response(
      HttpRequest request, int status, String body, String... headers) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      fields.add(Map.entry(headers[i], headers[i + 1]));
    }
    return new HttpResponse(
        status, "", Headers.of(fields), body.getBytes(StandardCharsets.UTF_8), request.uri());
  }

  /** A clock at a fixed instant that moves only when told. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
