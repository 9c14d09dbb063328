package dev.pagewalk.engine;

import dev.pagewalk.RunStats;
import dev.pagewalk.WaitReason;
import java.time.Duration;
import java.util.Map;

/**
 * The run's {@link RunStats} so far: the one holder of the run's counts, each update a new
 * value from {@code RunStats.plus...}. Confined to the run's thread.
 */
final class Tally {
  private RunStats stats;

  Tally(RunStats start) {
    this.stats = start;
  }

  RunStats now() {
    return stats;
  }

  void requestSent() {
    stats = stats.plusExchange(1, null, 0, null);
  }

  void logicalRequest(boolean pagination) {
    stats = stats.plusLogicalRequest(pagination);
  }

  void fault(String name) {
    stats = stats.plusExchange(0, Map.of(name, 1L), 0, null);
  }

  void bytes(long bytes) {
    stats = stats.plusExchange(0, null, bytes, null);
  }

  void retry() {
    stats = stats.plusRetry();
  }

  void waited(WaitReason reason, Duration delay) {
    stats = stats.plusExchange(0, null, 0, Map.of(reason, delay));
  }

  void credentialsStripped() {
    stats = stats.plusCredentialsStripped();
  }

  void emptyPageWithContinuation() {
    stats = stats.plusEmptyPageWithContinuation();
  }

  void pageRead(long received, long filtered, long duplicates, long synced, long beyond) {
    stats = stats.plusPageRead(received, filtered, duplicates, synced, beyond);
  }

  void written(long pages, long records) {
    stats = stats.plusWritten(pages, records);
  }
}
