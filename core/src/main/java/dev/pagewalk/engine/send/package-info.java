/**
 * The request pipeline: how one call of the page loop reaches the server and comes back as an
 * {@link dev.pagewalk.engine.send.Exchange}. Each concern is one link, as in OkHttp's interceptor
 * chain; each returns a value and none keeps the run's counters — the page loop folds the exchange
 * into them.
 *
 * <pre>
 * page loop ── Pipeline.send(call, before, decoder) ──▶ Exchange (response or failure, attempts,
 *   │                                                   faults, retries, bytes, waits, duration)
 *   ▼
 * RetryLink      before: delay / again; per attempt: retry.on statuses, I/O, unreadable bodies,
 *                backoff (Jitter, Retry-After and its cap), RetryBudget, RetryEvent; decodes
 * ReadAheadLink  the attempt sent ahead for an equal request, taken; else on down
 * CancelLink     an interrupted thread sends nothing more
 * PaceLink       server quota, then the client's token bucket; observes rate-limit headers
 * AuthLink       the spec's auth block (auth.TokenLink): the token on every call, one
 *                refresh and re-send after a refreshOn status; NONE without one
 * TransportLink  Exchanger.send(request, limits, parser): redirects, network guard, limits,
 *                decompression, the body cap, then the one-hop Transport SPI
 * </pre>
 *
 * <p>Cancel and pace sit below retry because every attempt, retries included, is a request the
 * server counts and the run may be cancelled between any two; read-ahead sits above them because
 * the attempt it takes went out already, and below retry because a read-ahead that failed is
 * retried on the run's thread like any attempt. A call read ahead goes through cancel, pace, auth
 * and the transport on the read-ahead thread. Status codes mean what {@link
 * dev.pagewalk.engine.send.Statuses} says; time waited is counted by {@link
 * dev.pagewalk.engine.send.Pause}.
 */
package dev.pagewalk.engine.send;
