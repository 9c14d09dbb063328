package dev.pagewalk.cli;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during {@code pagewalk run}. The first stops the run between pages: the run's
 * thread is interrupted — the engine's cancellation — but never while the sink writes a page, so
 * the page in flight is written whole with its checkpoint, or not at all; the run then ends {@code
 * cancelled} and the command writes its report and says how to resume. The second signal exits at
 * once with {@link ExitCodes#CANCELLED}: every checkpoint is written atomically, so the last one
 * saved still describes what the destination holds.
 *
 * <p>Installed for the run only and removed by {@link #close}; the library never handles signals.
 */
final class GracefulStop implements AutoCloseable {
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final Thread runThread;
  private final PrintWriter err;
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private String received;
  private boolean writing;
  private boolean ended;

  private GracefulStop(Thread runThread, PrintWriter err) {
    this.runThread = runThread;
    this.err = err;
  }

  /** Handles SIGINT and SIGTERM for a run on the current thread until {@link #close}. */
  static GracefulStop install(PrintWriter err) {
    GracefulStop stop = new GracefulStop(Thread.currentThread(), err);
    for (String name : SIGNALS) {
      Signal signal = new Signal(name);
      stop.previous.put(signal, Signal.handle(signal, stop::handle));
    }
    return stop;
  }

  /** The signal that stopped the run ({@code SIGINT}, {@code SIGTERM}), if one did. */
  synchronized Optional<String> received() {
    return Optional.ofNullable(received);
  }

  /**
   * The run returned: a first signal from now on has nothing left to stop, and the interrupt a
   * signal left on the run's thread is cleared, so closing the sink and writing the report are not
   * cut short.
   */
  synchronized void runEnded() {
    ended = true;
    Thread.interrupted();
  }

  /** {@code sink}, with no interrupt delivered while it opens or writes a page. */
  RecordSink guard(RecordSink sink) {
    return new ForwardingSink(sink) {
      @Override
      public void open(String stream, Checkpoint resumeFrom) throws IOException {
        whole(() -> super.open(stream, resumeFrom));
      }

      @Override
      public void open(WriteMode mode, String stream, Checkpoint resumeFrom) throws IOException {
        whole(() -> super.open(mode, stream, resumeFrom));
      }

      @Override
      public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
        whole(() -> super.write(records, after));
      }
    };
  }

  @FunctionalInterface
  private interface SinkStep {
    void run() throws IOException;
  }

  /** Runs a sink step with a signal's interrupt held back until it returned. */
  private void whole(SinkStep step) throws IOException {
    synchronized (this) {
      writing = true;
    }
    try {
      step.run();
    } finally {
      synchronized (this) {
        writing = false;
        if (received != null && !ended) {
          runThread.interrupt();
        }
      }
    }
  }

  private synchronized void handle(Signal signal) {
    String name = "SIG" + signal.getName();
    if (received != null) {
      err.println(
          "pagewalk run: "
              + name
              + " again: stopping at once; the checkpoint of the last"
              + " page written stands");
      err.flush();
      Runtime.getRuntime().halt(ExitCodes.CANCELLED);
    }
    received = name;
    if (ended) {
      return;
    }
    err.println(
        "pagewalk run: "
            + name
            + ": stopping after the page in flight (send it again to"
            + " stop at once)");
    err.flush();
    if (!writing) {
      runThread.interrupt();
    }
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
