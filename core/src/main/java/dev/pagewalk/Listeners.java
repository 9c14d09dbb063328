package dev.pagewalk;

import java.time.Duration;

/** Combines listeners. */
final class Listeners {
  private Listeners() {}

  static RunListener both(RunListener a, RunListener b) {
    return new RunListener() {
      @Override
      public void onStart(String runId, String spec) {
        a.onStart(runId, spec);
        b.onStart(runId, spec);
      }

      @Override
      public void onPage(PageEvent page) {
        a.onPage(page);
        b.onPage(page);
      }

      @Override
      public void onRetry(RetryEvent retry) {
        a.onRetry(retry);
        b.onRetry(retry);
      }

      @Override
      public void onWait(WaitReason why, Duration duration) {
        a.onWait(why, duration);
        b.onWait(why, duration);
      }

      @Override
      public void onWalkQueued(String stream) {
        a.onWalkQueued(stream);
        b.onWalkQueued(stream);
      }

      @Override
      public void onEnd(RunResult result) {
        a.onEnd(result);
        b.onEnd(result);
      }

      @Override
      public RunListener forWalk(String runId, String stream, String walk) {
        return both(a.forWalk(runId, stream, walk), b.forWalk(runId, stream, walk));
      }
    };
  }
}
