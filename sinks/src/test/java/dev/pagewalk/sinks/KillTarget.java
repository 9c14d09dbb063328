package dev.pagewalk.sinks;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The child JVM of {@link KillTest}: one life of a resumable sync ({@code --resume} semantics) from
 * the live-data mock into a sink, reporting on stdout what the parent needs to know: {@code
 * checkpoint none|<status> <page>} at start, {@code page <n>} after each durable write, {@code note
 * <text>} and {@code done <stop reason>} at the end.
 *
 * <p>Arguments: {@code <sink uri> <state dir|-> <mock base URL> <page size> <page delay> <halt on
 * write n|0>}. With a halt, the n-th write of this life stores the page's records without its
 * checkpoint and the JVM halts at once: a crash between the two.
 */
public final class KillTarget {
  static final int HALTED = 3;

  private KillTarget() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path stateDir = args[1].equals("-") ? null : Path.of(args[1]);
    int haltOn = Integer.parseInt(args[5]);
    try (RecordSink sink = Sinks.fromUri(args[0], stateDir, out);
        Runner runner = Runner.builder().build()) {
      var plan = LiveSpecs.token(Integer.parseInt(args[3]), args[4]);
      Optional<Checkpoint> cp = sink.checkpoint(plan.name());
      out.println(
          cp.map(c -> "checkpoint " + c.status() + " " + c.page()).orElse("checkpoint none"));
      out.flush();
      RunResult result =
          runner.sync(
              plan, RunInput.empty().withBaseUrl(args[2]), new Reporting(sink, haltOn, out), true);
      result.notes().forEach(n -> out.println("note " + n));
      out.println("done " + result.stopReason().wireName());
      out.flush();
      if (result.failure() != null) {
        result.failure().printStackTrace();
        System.exit(2);
      }
    }
  }

  private static final class Reporting extends ForwardingSink {
    private final int haltOn;
    private final PrintStream out;
    private int writes;

    Reporting(RecordSink sink, int haltOn, PrintStream out) {
      super(sink);
      this.haltOn = haltOn;
      this.out = out;
    }

    @Override
    public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
      if (++writes == haltOn) {
        delegate.write(records, null);
        Runtime.getRuntime().halt(HALTED);
      }
      delegate.write(records, after);
      out.println("page " + (after == null ? -1 : after.page() - 1));
      out.flush();
    }
  }
}
