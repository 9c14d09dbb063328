package dev.pagewalk.sink;

import dev.pagewalk.RunResult;
import java.util.List;

/**
 * What a reconcile pass found: the keys the API has now versus the keys the destination holds.
 * {@code missing} are in the API but not the destination, {@code extra} the other way round
 * (deleted upstream, or never the API's); samples hold at most 20 canonical keys each.
 */
public record Reconciliation(
    long apiKeys,
    long sinkKeys,
    long missing,
    List<String> missingSample,
    long extra,
    List<String> extraSample,
    RunResult walk) {
  public Reconciliation {
    missingSample = List.copyOf(missingSample);
    extraSample = List.copyOf(extraSample);
  }

  /** True when the walk ended naturally and both sides hold the same keys. */
  public boolean inSync() {
    return walk.stopReason().kind() == dev.pagewalk.StopReason.Kind.NATURAL
        && missing == 0
        && extra == 0;
  }

  public String summary() {
    return (inSync() ? "IN SYNC" : "OUT OF SYNC")
        + ": API "
        + apiKeys
        + " keys, destination "
        + sinkKeys
        + " keys; missing "
        + missing
        + (missingSample.isEmpty() ? "" : " " + missingSample)
        + ", extra "
        + extra
        + (extraSample.isEmpty() ? "" : " " + extraSample)
        + " (walk: "
        + walk.stopReason().wireName()
        + ")";
  }
}
