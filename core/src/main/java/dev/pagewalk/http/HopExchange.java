package dev.pagewalk.http;

import dev.pagewalk.spi.Transport;

/**
 * What the engine offers one hop: the deadline's abort, and the spec's network policy, already
 * checked for the hop's URI. The policy is not part of the transport SPI (the engine's guard holds
 * whatever a transport does); {@link ApacheTransport} reads it to check its own DNS answers again.
 */
final class HopExchange implements Transport.Exchange {
  private final DeadlineGuard guard;
  private final NetworkPolicy network;

  HopExchange(DeadlineGuard guard, NetworkPolicy network) {
    this.guard = guard;
    this.network = network;
  }

  @Override
  public void onAbort(Runnable abort) {
    guard.watch(abort);
  }

  /** The policy of {@code exchange} when the engine made it; unrestricted otherwise. */
  static NetworkPolicy networkOf(Transport.Exchange exchange) {
    return exchange instanceof HopExchange hop ? hop.network : NetworkPolicy.UNRESTRICTED;
  }
}
