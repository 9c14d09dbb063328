package dev.pagewalk.engine.send;

/**
 * Stops an attempt before it is paced or sent when the sending thread was interrupted (the embedder
 * cancelled the run). The interrupt stays set, so the run ends as cancelled.
 */
final class CancelLink implements Link {
  @Override
  public Attempt intercept(Chain chain) {
    if (Thread.currentThread().isInterrupted()) {
      return Attempt.interrupted();
    }
    return chain.proceed(chain.call());
  }
}
