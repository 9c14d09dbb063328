package dev.pagewalk.conformance.livedata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Answers requests to the base path in arrival order: numbers each one, serves its fault or its
 * page, then applies the mutations scheduled after it. Thread-safe: one request at a time.
 */
final class LiveDataHandler {
  private final ReentrantLock lock = new ReentrantLock();
  private final LiveDataConfig config;
  private final Dataset dataset;
  private final LongSupplier clock;
  private final PaginationStyle style;
  private final RateLimiter rateLimiter;
  private final TokenEndpoint tokens;
  private final Map<Integer, FaultSpec> faults = new HashMap<>();
  private final Map<Integer, List<Mutation>> mutations = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final List<String> answers = new ArrayList<>();

  /**
   * @param tokens the token endpoint whose access tokens the data endpoint requires; null when it
   *     requires none
   */
  LiveDataHandler(
      LiveDataConfig config, Dataset dataset, LongSupplier clock, TokenEndpoint tokens) {
    this.config = config;
    this.tokens = tokens;
    this.dataset = dataset;
    this.clock = clock;
    this.style = PaginationStyle.of(config.style());
    this.rateLimiter = config.rateLimit().map(limit -> new RateLimiter(limit, clock)).orElse(null);
    for (FaultSpec fault : config.faults()) {
      if (faults.putIfAbsent(fault.request(), fault) != null) {
        throw new IllegalArgumentException("two faults for request " + fault.request());
      }
    }
    config
        .mutations()
        .forEach(m -> mutations.computeIfAbsent(m.afterRequest(), k -> new ArrayList<>()).add(m));
  }

  /**
   * Serves one request; {@code url} is path and query, {@code origin} is {@code
   * scheme://host:port}, {@code authorization} the request's header or null.
   */
  PageResponse handle(String url, String origin, String authorization) {
    lock.lock();
    try {
      requests.add(url);
      int number = requests.size();
      FaultSpec fault = faults.get(number);
      PageResponse response = respond(number, url, origin, authorization, fault);
      answers.add(describe(response, fault));
      mutations.getOrDefault(number, List.of()).forEach(m -> m.applyTo(dataset));
      return response;
    } finally {
      lock.unlock();
    }
  }

  int requestCount() {
    lock.lock();
    try {
      return requests.size();
    } finally {
      lock.unlock();
    }
  }

  List<String> requests() {
    lock.lock();
    try {
      return List.copyOf(requests);
    } finally {
      lock.unlock();
    }
  }

  List<String> answers() {
    lock.lock();
    try {
      return List.copyOf(answers);
    } finally {
      lock.unlock();
    }
  }

  private static String describe(PageResponse response, FaultSpec fault) {
    String answer =
        response.fault() != null ? response.fault().name() : Integer.toString(response.status());
    if (fault instanceof FaultSpec.TruncatedJson) {
      answer += " truncated body";
    } else if (fault instanceof FaultSpec.EmptyPageWithNext) {
      answer += " empty page with next";
    } else if (fault instanceof FaultSpec.Dribble) {
      answer += " dribbled";
    }
    return answer;
  }

  private PageResponse respond(
      int number, String url, String origin, String authorization, FaultSpec fault) {
    if (fault instanceof FaultSpec.Status status) {
      return statusFault(status);
    }
    if (fault instanceof FaultSpec.Wire wire) {
      return PageResponse.wire(wire.fault());
    }
    if (tokens != null) {
      PageResponse unauthorized = tokens.checkBearer(authorization);
      if (unauthorized != null) {
        return unauthorized;
      }
    }
    if (fault == null && rateLimiter != null) {
      OptionalLong wait = rateLimiter.acquire();
      if (wait.isPresent()) {
        return PageResponse.error(429, "rate limited")
            .withHeader("Retry-After", Long.toString(wait.getAsLong()));
      }
    }
    PageResponse page =
        page(PageRequest.of(number, origin, url, fault instanceof FaultSpec.EmptyPageWithNext));
    if (fault instanceof FaultSpec.Dribble dribble) {
      return page.dribbled(dribble);
    }
    if (fault instanceof FaultSpec.TruncatedJson) {
      return page.withBody(page.body().substring(0, page.body().length() / 2));
    }
    return page;
  }

  private PageResponse page(PageRequest request) {
    try {
      return style.serve(request, dataset, config);
    } catch (BadRequestException e) {
      return PageResponse.error(400, e.getMessage());
    }
  }

  private PageResponse statusFault(FaultSpec.Status status) {
    PageResponse response =
        status.body() != null
            ? PageResponse.error(status.status(), "").withBody(status.body())
            : PageResponse.error(status.status(), "injected " + status.status());
    if (status.retryAfter() != null) {
      response = response.withHeader("Retry-After", status.retryAfter());
    } else if (status.retryAfterDateIn() != null) {
      Instant at = Instant.ofEpochMilli(clock.getAsLong()).plusSeconds(status.retryAfterDateIn());
      response =
          response.withHeader(
              "Retry-After",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC)));
    }
    return response;
  }
}
