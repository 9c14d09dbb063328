package dev.pagewalk.auth;

import dev.pagewalk.engine.send.Before;
import dev.pagewalk.engine.send.Call;
import dev.pagewalk.engine.send.Exchange;
import dev.pagewalk.engine.send.Pipeline;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.Parsed;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.spi.HttpRequest;
import java.util.Set;

/**
 * Sends the requests of a token endpoint or a login as requests of the run: through the run's
 * {@link Pipeline#forCredentials credentials pipeline} — its retry rules and shared retry budget,
 * {@code Retry-After} within its cap, retry events to the listener, the network guard, redirects,
 * size cap and deadline — and hands each exchange to the run's {@link AuthRequests} to be counted.
 * A status not in {@code retry.on} is the answer: a refusal would not change. Thread-safe.
 */
final class TokenEndpoint {
  private final Pipeline pipeline;
  private final RequestLimits limits;
  private final AuthSecrets secrets;
  private final AuthRequests sent;

  TokenEndpoint(Pipeline pipeline, RequestLimits limits, AuthSecrets secrets, AuthRequests sent) {
    this.pipeline = pipeline;
    this.limits = limits;
    this.secrets = secrets;
    this.sent = sent;
  }

  /**
   * The response to {@code request}: the first one not retried, or the last when the retries ran
   * out.
   *
   * @throws RuntimeException the failure that ends the run when it could not be sent: a {@link
   *     dev.pagewalk.PagewalkException} with the code of the fault, a {@link
   *     dev.pagewalk.CancelledException} when the run was cancelled
   */
  HttpResponse send(HttpRequest request) {
    Call call = new Call(request, request.method() + " " + display(request), false, limits, null);
    Exchange<HttpResponse> exchange = pipeline.send(call, Before.NOTHING, Parsed::response);
    sent.add(exchange);
    if (exchange.failed()) {
      throw exchange.failure().error();
    }
    return exchange.body();
  }

  /** The URL of {@code request} as messages show it: secrets and sensitive query values masked. */
  String display(HttpRequest request) {
    return Redaction.redactUri(request.uri(), secrets.values(), Set.of());
  }
}
