package dev.pagewalk.conformance.livedata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The nested resources a live-data mock serves besides its base path, for connectors: organisations
 * → repositories → issues → comments, and date-stamped events (see {@link NestedData} for the
 * records and {@link NestedHandler} for the paths). Sizes are lists cycled in order, so a few
 * numbers give every repository and issue a known, different size, zeros included:
 *
 * <pre>{@code
 * nested:
 *   orgs: 2                  # acme, globex (then initech, umbrella, hooli, ...)
 *   repos: [3, 1]            # repositories of each organisation, cycled
 *   issues: [4, 0, 7, 1]     # issues of each repository in order (acme/repo-1, acme/repo-2, ...)
 *   comments: [2, 0, 3]      # comments of each issue in order
 *   events: {from: "2026-01-01T00:00:00Z", count: 24, every: 6h}
 *   fail:                    # every request to this path gets this answer
 *     - {path: /repos/acme/repo-2/issues, status: 500, body: '{"message": "Server Error"}'}
 * }</pre>
 *
 * Immutable.
 *
 * @param orgs how many organisations
 * @param repos repositories per organisation, cycled
 * @param issues issues per repository, cycled over all repositories in order
 * @param comments comments per issue, cycled over all issues in order
 * @param events the events feed
 * @param failures paths that always fail
 */
public record NestedConfig(
    int orgs,
    List<Integer> repos,
    List<Integer> issues,
    List<Integer> comments,
    Events events,
    List<PathFailure> failures) {

  /** The defaults: two organisations, repositories of 3 and 1, varied issues and comments. */
  public static final NestedConfig DEFAULT =
      new NestedConfig(
          2,
          List.of(3, 1),
          List.of(4, 0, 7, 1),
          List.of(2, 0, 3),
          new Events(Instant.parse("2026-01-01T00:00:00Z"), 24, Duration.ofHours(6)),
          List.of());

  public NestedConfig {
    if (orgs < 0) {
      throw new IllegalArgumentException("nested.orgs must be 0 or more but was " + orgs);
    }
    repos = sizes("repos", repos);
    issues = sizes("issues", issues);
    comments = sizes("comments", comments);
    failures = List.copyOf(failures);
  }

  private static List<Integer> sizes(String name, List<Integer> sizes) {
    if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 0)) {
      throw new IllegalArgumentException(
          "nested." + name + " must be a non-empty list of counts, 0 or more, but was " + sizes);
    }
    return List.copyOf(sizes);
  }

  /**
   * The events feed: {@code count} events, the first at {@code from}, one every {@code every}.
   *
   * @param from when the first event happened
   * @param count how many events
   * @param every the time between two events
   */
  public record Events(Instant from, int count, Duration every) {
    public Events {
      if (count < 0 || every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException(
            "nested.events needs count >= 0 and a positive 'every' but got "
                + count
                + " and "
                + every);
      }
    }
  }

  /**
   * A path whose every request is answered with {@code status} and {@code body}.
   *
   * @param path the request path, without query
   * @param status the HTTP status
   * @param body the response body (JSON), or null for {@code {"message": "..."}}
   */
  public record PathFailure(String path, int status, String body) {}
}
