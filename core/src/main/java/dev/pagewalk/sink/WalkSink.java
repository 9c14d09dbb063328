package dev.pagewalk.sink;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunResult;
import dev.pagewalk.StopReason;
import dev.pagewalk.json.RawJsonList;
import dev.pagewalk.report.Check;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a connector run writes: the records of each stream, page by page, each page together with
 * the state of the walk that fetched it, so that a killed run resumes every walk from its own last
 * page. A walk is one run of a stream's request — for one partition, one parent record, or once —
 * named by its stream and {@link Page#walk() label}.
 *
 * <p>Each {@link #commit} is one unit: the page's records, the walk's checkpoint, the walks the
 * page's records spawned (children of a parent stream, with the {@code parent} value they need)
 * and, with a walk's last page, what the walk came to ({@link Outcome}) are durable together or not
 * at all. A database writes them in one transaction; a file makes the records durable first and the
 * state after, and cuts off on resume whatever was written after the last committed state. A child
 * walk starts only after the page that spawned it is committed, so a resumed run never needs its
 * parent's page again.
 *
 * <p>The run calls {@link #load} (unless it replaces), then {@link #open} once, then {@link
 * #commit} from its walk threads one call at a time (never two at once), then {@link #close}.
 */
public interface WalkSink extends AutoCloseable {

  /**
   * The run a destination belongs to: the sync it is (spec, its content hash, inputs, base URL,
   * name), the run's id, and when it started — a resumed run works out its partitions (date windows
   * up to {@code now}) from this instant again, so it walks the same windows — and the streams
   * whose records it writes.
   */
  record RunStart(SyncIdentity identity, String runId, Instant startedAt, List<String> streams) {
    public RunStart {
      streams = List.copyOf(streams);
    }
  }

  /**
   * A walk spawned by a parent's record: the child {@code stream}, its {@code walk} label (the
   * parent record's key, canonical JSON), and the {@code parent} record as delivered (a JSON value:
   * maps, lists, strings, numbers, booleans, null), which its expressions see.
   */
  record Spawned(String stream, String walk, Object parent) {}

  /**
   * What a walk came to, committed with its last page so that a resumed run reports the walk as it
   * ended without walking it again: its verdict, how each check came out and, for the checks that
   * failed, why ({@code reasons}, one line each), its stop reason, the records it delivered and the
   * requests it sent, and its failure (message and code; null when it did not fail).
   */
  record Outcome(
      Verdict verdict,
      StopReason stopReason,
      Map<Check.Kind, Check.Outcome> checks,
      List<String> reasons,
      long records,
      long requests,
      String failure,
      ErrorCode errorCode) {
    public Outcome {
      EnumMap<Check.Kind, Check.Outcome> copy = new EnumMap<>(Check.Kind.class);
      copy.putAll(checks);
      checks = Collections.unmodifiableMap(copy);
      reasons = List.copyOf(reasons);
    }

    /** The outcome as one line of JSON, as the destinations store it. */
    public String toJson() {
      return OutcomeJson.write(this);
    }

    /**
     * The outcome a destination stored.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static Outcome fromJson(String json) {
      return OutcomeJson.read(json);
    }
  }

  /**
   * One page of the walk {@code stream}/{@code walk}: its {@code records} (empty when the stream is
   * walked only for its children, whose records are not written), the walk's checkpoint after the
   * page ({@link Checkpoint#status()} says whether the walk goes on or ended, and how), the walks
   * its records spawned, and — with a walk's last page — what the walk came to ({@code outcome};
   * null while it goes on). Records that keep their items' JSON as sent ({@link
   * dev.pagewalk.json.RawJsonRecords}) still do in the page, for a JSON Lines destination to copy.
   */
  record Page(
      String stream,
      String walk,
      List<OutputRecord> records,
      Checkpoint after,
      List<Spawned> spawned,
      Outcome outcome) {
    public Page {
      records = records instanceof RawJsonList<OutputRecord> sent ? sent : List.copyOf(records);
      spawned = List.copyOf(spawned);
    }

    /** A page after which the walk goes on, or whose walk's outcome is not known. */
    public Page(
        String stream,
        String walk,
        List<OutputRecord> records,
        Checkpoint after,
        List<Spawned> spawned) {
      this(stream, walk, records, after, spawned, null);
    }
  }

  /**
   * A walk as the destination holds it: its {@code parent} record (null for a walk without a
   * parent), its last committed checkpoint — null for a walk spawned but without a page yet — and
   * what it came to when its last page was committed with it (null otherwise, and for a walk a
   * version of pagewalk before outcomes were kept ended).
   */
  record SavedWalk(
      String stream, String walk, Object parent, Checkpoint checkpoint, Outcome outcome) {
    /** A walk without an outcome. */
    public SavedWalk(String stream, String walk, Object parent, Checkpoint checkpoint) {
      this(stream, walk, parent, checkpoint, null);
    }
  }

  /** What the destination holds of a run: its start and each of its walks, once. */
  record Saved(RunStart run, List<SavedWalk> walks) {
    public Saved {
      walks = List.copyOf(walks);
    }
  }

  /**
   * The run whose records and walks the destination holds, if any: every walk spawned or committed,
   * each with its last committed state. Whatever was written after the last commit is not part of
   * it.
   *
   * @throws dev.pagewalk.InputException ({@link dev.pagewalk.ErrorCode#STATE}) when the state does
   *     not verify (changed outside pagewalk)
   */
  Optional<Saved> load() throws IOException;

  /**
   * Prepares to receive the run {@code run}. {@link WriteMode#FULL}: a fresh run — the state of an
   * earlier run is dropped, and a destination that would then hold records twice (a file that
   * already holds records) refuses it with an {@link IOException} saying why, while one keyed by
   * record (a table) upserts; {@link WriteMode#RESUME}: continues the run {@link #load} returned
   * (same run id), dropping whatever was written after its last commit; {@link WriteMode#REPLACE}:
   * removes the records of every stream of {@code run.streams()} and the state first. {@link
   * WriteMode#APPEND} is not used for connectors.
   */
  void open(WriteMode mode, RunStart run) throws IOException;

  /** Durably writes one page of a walk, as one unit (see the type's description). */
  void commit(Page page) throws IOException;

  /**
   * Tells {@code held} the records the walk {@code stream}/{@code walk} committed in this run, up
   * to its checkpoint {@code upTo} — those of that walk only, not of its stream's other walks.
   * Called between commits, only when a resumed walk starts again from its first page ({@code
   * retry.restartWalk}), so that the records it wrote before the run was interrupted are not
   * delivered twice. Returns false when the destination cannot tell (the default): the walk then
   * delivers them again and its notes say so.
   */
  default boolean readBack(String stream, String walk, Checkpoint upTo, HeldRecords held)
      throws IOException {
    return false;
  }

  /**
   * Whether this destination takes the walk {@code stream}/{@code walk} of a stream without a
   * parent: a destination that holds one share of a run spread over several processes (the tasks of
   * a Kafka Connect connector) answers false for the walks of the other shares, which this run then
   * neither walks nor counts. Walks spawned by a parent's records run with their parent unless
   * {@link #takesSpawned} says otherwise. Default: every walk.
   */
  default boolean takes(String stream, String walk) {
    return true;
  }

  /**
   * Whether this run walks the walk {@code stream}/{@code walk} that a parent's page spawned: a
   * destination that hands spawned walks to another process (another task of a Kafka Connect
   * connector) answers false for those, which it received with the page's {@link Page#spawned()}
   * walks in the page's {@link #commit}; this run then neither walks nor counts them. Asked once
   * per spawned walk, after the page that spawned it is committed; not asked for the spawned walks
   * {@link #load} returns, which a resumed run walks. Default: every walk (children run with their
   * parent).
   */
  default boolean takesSpawned(String stream, String walk) {
    return true;
  }

  /**
   * The last committed checkpoint of the walk {@code stream}/{@code walk} of a stream without a
   * parent, in the run {@link #open} received, when {@link #load} did not list it: for a
   * destination that can look walks up one at a time but cannot list them all. Empty: the walk has
   * no page in this run. Default: empty, {@link #load} lists every walk.
   */
  default Optional<Checkpoint> committed(String stream, String walk) throws IOException {
    return Optional.empty();
  }

  /**
   * Tells the destination how the walk {@code stream}/{@code walk} ended, after its last {@link
   * #commit} (if it made one), from the walk's thread: {@code result} holds its report. Default:
   * nothing.
   */
  default void ended(String stream, String walk, RunResult result) {}

  @Override
  default void close() throws IOException {}

  /**
   * The streams as JSON Lines files {@code dir/STREAM.jsonl}, with the run's state in the journal
   * {@code stateDir/SYNC.walks.jsonl} (sealed like a checkpoint, fsynced with every page) and the
   * lock {@code stateDir/SYNC.lock} held from {@link #load} to {@link #close}. A full run into
   * files that already hold records is refused; a resumed one cuts each file back to its last
   * commit.
   *
   * @param sync the sync's name (the spec's, or {@code --sync-name}), which names the journal
   */
  static WalkSink jsonLinesDirectory(Path dir, Path stateDir, String sync) {
    return new JsonLinesDirSink(dir, stateDir, sync);
  }
}
