package dev.pagewalk.auth;

import dev.pagewalk.engine.send.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The token and login requests a run's authentication sent that no walk has counted yet. Each walk
 * takes what is there when it counts its own requests, so a connector's walks, which share one
 * authentication, count each token request once. Thread-safe.
 */
public final class AuthRequests {
  private final ConcurrentLinkedQueue<Exchange<?>> sent = new ConcurrentLinkedQueue<>();

  void add(Exchange<?> exchange) {
    sent.add(exchange);
  }

  /** The exchanges sent since the last call, each handed out once. */
  public List<Exchange<?>> take() {
    List<Exchange<?>> out = new ArrayList<>();
    for (Exchange<?> e = sent.poll(); e != null; e = sent.poll()) {
      out.add(e);
    }
    return out;
  }
}
