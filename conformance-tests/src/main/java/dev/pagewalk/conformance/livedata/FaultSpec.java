package dev.pagewalk.conformance.livedata;

/**
 * A fault served instead of (or on top of) the normal page for one request number. A faulted
 * request changes no paging state: retrying the same request gets the normal page.
 */
public sealed interface FaultSpec {
  /** The 1-based request number this fault applies to. */
  int request();

  /**
   * {@code {request: 2, status: 503, body: "..."}} or {@code {request: 3, status: 429, retryAfter:
   * "2"}}. {@code retryAfter} is sent verbatim (seconds or an HTTP-date); {@code retryAfterDateIn:
   * 2} sends the HTTP-date two seconds after the mock's clock instead. {@code body} defaults to
   * {@code {"error": "injected <status>"}}.
   */
  record Status(int request, int status, String body, String retryAfter, Integer retryAfterDateIn)
      implements FaultSpec {}

  /**
   * {@code {request: 4, fault: CONNECTION_RESET_BY_PEER}}: a WireMock socket fault, one of {@code
   * CONNECTION_RESET_BY_PEER}, {@code EMPTY_RESPONSE}, {@code MALFORMED_RESPONSE_CHUNK}, {@code
   * RANDOM_DATA_THEN_CLOSE}.
   */
  record Wire(int request, com.github.tomakehurst.wiremock.http.Fault fault) implements FaultSpec {}

  /**
   * {@code {request: 5, dribble: {chunks: 20, totalMs: 4000}}}: the normal page, sent in {@code
   * chunks} pieces spread over {@code totalMs} milliseconds.
   */
  record Dribble(int request, int chunks, int totalMs) implements FaultSpec {}

  /**
   * {@code {request: 2, emptyPageWithNext: true}}: an empty data list that still says more follows,
   * continuing at the position that was asked for: the same offset/page and {@code total}; a fresh
   * token, cursor or next link for the same position; {@code has_more: true}. The {@code keyset}
   * style has no continuation signal, so it just answers {@code {"data": []}}.
   */
  record EmptyPageWithNext(int request) implements FaultSpec {}

  /**
   * {@code {request: 3, truncatedJson: true}}: status 200 and the first half of the normal body.
   */
  record TruncatedJson(int request) implements FaultSpec {}
}
