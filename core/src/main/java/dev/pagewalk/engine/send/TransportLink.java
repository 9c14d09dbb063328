package dev.pagewalk.engine.send;

import dev.pagewalk.http.Exchanger;
import java.io.IOException;

/**
 * The last link: hands the call to the core {@link Exchanger} ({@code send(request, limits,
 * parser)}), which follows redirects and enforces the call's limits. Its I/O failure is a failed
 * attempt, a RuntimeException a crash; both count as sent: the request was handed over.
 */
final class TransportLink implements Link {
  private final Exchanger transport;

  TransportLink(Exchanger transport) {
    this.transport = transport;
  }

  @Override
  public Attempt intercept(Chain chain) {
    Call call = chain.call();
    try {
      return Attempt.answered(transport.send(call.http(), call.limits(), call.parser()));
    } catch (IOException e) {
      return Attempt.failed(e);
    } catch (RuntimeException e) {
      return Attempt.crashed(e);
    }
  }
}
