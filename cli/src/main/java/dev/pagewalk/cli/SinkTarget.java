package dev.pagewalk.cli;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.Plan;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.sinks.DatabaseSink;
import dev.pagewalk.sinks.Sinks;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import dev.pagewalk.state.TokenStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sink {@code run --out} names: a JSON Lines file (checkpoints in {@code --state}), {@code
 * sqlite:PATH} or a PostgreSQL URL (checkpoints in the database), or stdout (no checkpoints).
 */
final class SinkTarget {
  private SinkTarget() {}

  /** Whether the target keeps checkpoints, so that {@code --resume} means something. */
  static boolean durable(String out) {
    return out != null && !out.equals("-");
  }

  /** Opens {@code out}; null or {@code -} writes JSON Lines through {@code stdout}. */
  static RecordSink open(String out, Path stateDir, JsonLinesOut stdout) {
    if (!durable(out)) {
      return lines(stdout);
    }
    try {
      return Sinks.fromUri(out, stateDir, null);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot write --out " + redacted(out) + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code out} names a database, which holds a connector's streams as tables. */
  static boolean database(String out) {
    return Sinks.isDatabase(out);
  }

  /**
   * Opens the database {@code out} names for a connector run of {@code streams} synced as {@code
   * syncName} (null: the spec's name): one table per stream and the walks' state beside them. A
   * stream whose name cannot make a table name is refused, naming the spec file, before anything is
   * created.
   */
  static WalkSink walkSink(String out, Plan plan, List<String> streams, String syncName) {
    String sync = syncName == null ? plan.name() : syncName;
    try {
      for (String stream :
          SyncIdentity.NAME.matcher(sync).matches() ? streams : List.<String>of()) {
        DatabaseSink.streamTable(sync, stream);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "cannot write --out " + redacted(out) + ": " + plan.fileName() + ": " + e.getMessage(),
          e);
    }
    try {
      return Sinks.walkSink(out, sync);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot write --out " + redacted(out) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where a run into {@code out} keeps its connection's tokens: the destination database, or files
   * in {@code stateDir} (default: beside the --out file, or {@code .pagewalk-state} for stdout).
   */
  static TokenStore tokenStore(String out, Path stateDir) {
    try {
      return Sinks.tokenStore(durable(out) ? out : null, stateDir);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "cannot keep tokens in --out " + redacted(out) + ": " + e.getMessage(), e);
    }
  }

  /** {@code postgresql://user:secret@host} without the secret, for messages. */
  static String redacted(String out) {
    return dev.pagewalk.http.Redaction.maskUserInfo(out);
  }

  private static RecordSink lines(JsonLinesOut stdout) {
    return new RecordSink() {
      @Override
      public Optional<Checkpoint> checkpoint(String stream) {
        return Optional.empty();
      }

      @Override
      public void open(String stream, Checkpoint resumeFrom) {}

      /** Returns once the page reached stdout; a closed stdout cancels the run. */
      @Override
      public void open(WriteMode mode, String stream, Checkpoint resumeFrom) {}

      @Override
      public void write(List<OutputRecord> records, Checkpoint after) {
        stdout.write(records);
        stdout.endOfPage();
      }
    };
  }
}
