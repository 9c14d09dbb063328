package dev.pagewalk.cli;

import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.WaitReason;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The live progress line on a terminal's stderr: pages, records, records per second, retries and
 * waits (with a progress bar when the spec reads the API's total, {@code audit.total}), redrawn in
 * place ({@code \r} and erase-to-end-of-line) after every event, and erased before the summary is
 * printed. For a connector run ({@link #forWalks}) it leads with the streams and walks done,
 * running and pending, and counts the pages and records of every walk; its walks call it from their
 * threads, so every method is synchronized.
 */
final class ProgressLine implements RunListener {
  private static final String ERASE = "\u001b[K";

  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final long start;
  private long pages;
  private long records;
  private long retries;
  private long waits;
  private String now = "";
  private long total = -1;
  private boolean drawn;
  private final WalkBoard walks;

  ProgressLine(PrintWriter err, LongSupplier nanoTime) {
    this(err, nanoTime, null);
  }

  private ProgressLine(PrintWriter err, LongSupplier nanoTime, WalkBoard walks) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.walks = walks;
  }

  /** The progress line of a connector run, whose walks {@code walks} tells apart. */
  static ProgressLine forWalks(PrintWriter err, LongSupplier nanoTime, WalkBoard walks) {
    return new ProgressLine(err, nanoTime, walks);
  }

  @Override
  public synchronized void onPage(PageEvent page) {
    pages++;
    if (walks == null) {
      records = page.recordsSoFar();
      if (page.total() instanceof Number n) {
        total = n.longValue();
      }
    } else {
      records += page.emitted();
    }
    now = "";
    draw();
  }

  @Override
  public synchronized void onWalkQueued(String stream) {
    if (walks != null) {
      walks.queued(stream);
      draw();
    }
  }

  @Override
  public synchronized void onStart(String runId, String spec) {
    if (walks != null) {
      walks.started(spec);
      draw();
    }
  }

  @Override
  public synchronized void onRetry(RetryEvent retry) {
    retries++;
    now =
        "retry "
            + retry.attempt()
            + " in "
            + Elapsed.format(retry.delay())
            + ": "
            + retry.cause().label();
    draw();
  }

  @Override
  public synchronized void onWait(WaitReason why, Duration duration) {
    waits++;
    now = "waiting " + Elapsed.format(duration) + " (" + why + ")";
    draw();
  }

  @Override
  public synchronized void onEnd(RunResult result) {
    if (walks == null) {
      clear();
    } else {
      walks.ended(result.spec());
      draw();
    }
  }

  /** Erases the line, if one was drawn. */
  synchronized void clear() {
    if (drawn) {
      err.print("\r" + ERASE);
      err.flush();
      drawn = false;
    }
  }

  synchronized String text() {
    double seconds = Math.max(1e-3, (nanoTime.getAsLong() - start) / 1e9);
    String line =
        String.format(
            Locale.ROOT,
            "%d %s, %d records, %.0f records/s, %d %s, %d %s",
            pages,
            pages == 1 ? "page" : "pages",
            records,
            records / seconds,
            retries,
            retries == 1 ? "retry" : "retries",
            waits,
            waits == 1 ? "wait" : "waits");
    if (total > 0) {
      line =
          bar(Math.min(1.0, (double) records / total))
              + " "
              + records
              + " of "
              + total
              + " - "
              + line;
    }
    if (walks != null) {
      line = walks.text() + " - " + line;
    }
    return now.isEmpty() ? line : line + " - " + now;
  }

  /** {@code [#######-------------] 35%}, when the API gives its total ({@code audit.total}). */
  static String bar(double fraction) {
    int width = 20;
    int filled = (int) Math.round(fraction * width);
    return "["
        + "#".repeat(filled)
        + "-".repeat(width - filled)
        + "] "
        + String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100));
  }

  private void draw() {
    err.print("\r" + text() + ERASE);
    err.flush();
    drawn = true;
  }
}
