package dev.pagewalk.cli;

import dev.pagewalk.RunListener;
import dev.pagewalk.WaitReason;
import java.time.Duration;

/**
 * What {@code run} does as a run goes: flushes each accepted page's records (so a pipe sees them at
 * once) and feeds the progress line, when there is one.
 */
final class PageFeedback implements RunListener {
  private final JsonLinesOut sink;
  private final ProgressLine progress;

  /** {@code progress} may be null: no progress line. */
  PageFeedback(JsonLinesOut sink, ProgressLine progress) {
    this.sink = sink;
    this.progress = progress;
  }

  @Override
  public void onPage(PageEvent page) {
    sink.endOfPage();
    if (progress != null) {
      progress.onPage(page);
    }
  }

  @Override
  public void onRetry(RetryEvent retry) {
    if (progress != null) {
      progress.onRetry(retry);
    }
  }

  @Override
  public void onWait(WaitReason why, Duration duration) {
    if (progress != null) {
      progress.onWait(why, duration);
    }
  }

  @Override
  public void onEnd(dev.pagewalk.RunResult result) {
    if (progress != null) {
      progress.clear();
    }
  }
}
