package dev.pagewalk.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.files.IoErrors;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.FileCheckpointStore;
import dev.pagewalk.state.SyncIdentity;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a connector run as an append-only journal {@code STATE/<sync>.walks.jsonl}: a first
 * line naming the run ({@link WalkSink.RunStart}), then one line per committed page — the walk, its
 * checkpoint, the walks the page spawned, the length of every stream file once the page's records
 * were written and, on a walk's last page, the walk's {@link WalkSink.Outcome} ({@code outcome};
 * journals written before outcomes were kept have none). Each line is sealed like a checkpoint file
 * ({@link FileCheckpointStore#seal}) and fsynced before the commit returns. A torn last line (a run
 * killed while writing it) is not part of the state; a line that does not verify is refused.
 */
final class WalkJournal {
  private static final ObjectMapper JSON =
      JsonConfig.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  /** What a journal holds: the run, each walk's last state, and where its committed part ends. */
  record Replayed(WalkSink.Saved saved, Map<String, Long> lengths, long end) {}

  private final Path file;
  private final String name;
  private final FileCheckpointStore store;
  private FileChannel channel;

  WalkJournal(Path stateDir, String sync, FileCheckpointStore store) {
    this.file = stateDir.resolve(sync + ".walks.jsonl");
    this.name = sync + ".walks";
    this.store = store;
  }

  Path file() {
    return file;
  }

  /** The journal's committed content; null when there is no journal or it names no run. */
  Replayed replay() throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    WalkSink.RunStart run = null;
    Map<String, WalkSink.SavedWalk> walks = new LinkedHashMap<>();
    Map<String, Long> lengths = Map.of();
    long end = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long offset = 0;
      for (int b = in.read(); b >= 0; b = in.read()) {
        offset++;
        if (b != '\n') {
          line.write(b);
          continue;
        }
        JsonNode node = parse(store.unseal(name, line.toString(StandardCharsets.UTF_8), file));
        line.reset();
        if (run == null) {
          run = runStart(node.get("run"));
        } else {
          lengths = page(node, walks);
        }
        end = offset;
      }
    } catch (IOException e) {
      throw IoErrors.failed("read", file, e);
    }
    return run == null
        ? null
        : new Replayed(new WalkSink.Saved(run, List.copyOf(walks.values())), lengths, end);
  }

  /**
   * The byte ranges of {@code stream}'s file that the walk {@code stream}/{@code walk} committed,
   * in order: commits are one at a time, so a page's records lie between the file's length on the
   * line before and on its own line. Reads the journal's committed lines, holding one at a time.
   */
  List<long[]> ranges(String stream, String walk) throws IOException {
    List<long[]> ranges = new ArrayList<>();
    if (!Files.exists(file)) {
      return ranges;
    }
    long previous = 0;
    boolean first = true;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != '\n') {
          line.write(b);
          continue;
        }
        JsonNode node = parse(store.unseal(name, line.toString(StandardCharsets.UTF_8), file));
        line.reset();
        if (first) {
          first = false;
          continue;
        }
        JsonNode length = node.get("lengths").get(stream);
        long now = length == null ? previous : length.asLong();
        if (now > previous
            && stream.equals(node.get("stream").asText())
            && walk.equals(node.get("walk").asText())) {
          ranges.add(new long[] {previous, now});
        }
        previous = now;
      }
    } catch (IOException e) {
      throw IoErrors.failed("read", file, e);
    }
    return ranges;
  }

  /** Starts the journal over: empty, then the line naming {@code run}. */
  void start(WalkSink.RunStart run) throws IOException {
    open();
    io("truncate", () -> channel.truncate(0));
    Map<String, Object> line = new LinkedHashMap<>();
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("identity", run.identity());
    start.put("runId", run.runId());
    start.put("startedAt", run.startedAt().toString());
    start.put("streams", run.streams());
    line.put("run", start);
    append(line);
  }

  /** Continues the journal after its committed part, cutting off a torn last line. */
  void continueAfter(long end) throws IOException {
    open();
    io("truncate", () -> channel.truncate(end));
    io("fsync", () -> channel.force(false));
  }

  /** Appends and fsyncs the line of a committed page; {@code lengths} after its records. */
  void commit(WalkSink.Page page, Map<String, Long> lengths) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("stream", page.stream());
    line.put("walk", page.walk());
    line.put("checkpoint", JSON.readTree(page.after().toJson()));
    List<Map<String, Object>> spawned = new ArrayList<>();
    for (WalkSink.Spawned s : page.spawned()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stream", s.stream());
      m.put("walk", s.walk());
      m.put("parent", s.parent());
      spawned.add(m);
    }
    line.put("spawned", spawned);
    line.put("lengths", lengths);
    if (page.outcome() != null) {
      line.put("outcome", JSON.readTree(page.outcome().toJson()));
    }
    append(line);
  }

  void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }

  private void append(Map<String, Object> line) throws IOException {
    String sealed = store.seal(name, JSON.writeValueAsString(line)) + "\n";
    ByteBuffer bytes = ByteBuffer.wrap(sealed.getBytes(StandardCharsets.UTF_8));
    io(
        "append to",
        () -> {
          channel.position(channel.size());
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
          channel.force(false);
        });
  }

  private void open() throws IOException {
    if (channel == null) {
      io("create the directory of", () -> Files.createDirectories(file.getParent()));
      io(
          "open",
          () ->
              channel =
                  FileChannel.open(
                      file,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.READ,
                      StandardOpenOption.WRITE));
    }
  }

  private static Map<String, Long> page(JsonNode node, Map<String, WalkSink.SavedWalk> walks) {
    String stream = node.get("stream").asText();
    String walk = node.get("walk").asText();
    Checkpoint after = Checkpoint.fromJson(node.get("checkpoint").toString());
    JsonNode outcome = node.get("outcome");
    WalkSink.SavedWalk was = walks.get(key(stream, walk));
    walks.put(
        key(stream, walk),
        new WalkSink.SavedWalk(
            stream,
            walk,
            was == null ? null : was.parent(),
            after,
            outcome == null ? null : WalkSink.Outcome.fromJson(outcome.toString())));
    for (JsonNode s : node.get("spawned")) {
      String child = s.get("stream").asText();
      String label = s.get("walk").asText();
      walks.put(
          key(child, label),
          new WalkSink.SavedWalk(
              child, label, JSON.convertValue(s.get("parent"), Object.class), null));
    }
    Map<String, Long> lengths = new LinkedHashMap<>();
    node.get("lengths")
        .fields()
        .forEachRemaining(e -> lengths.put(e.getKey(), e.getValue().asLong()));
    return lengths;
  }

  private WalkSink.RunStart runStart(JsonNode run) {
    if (run == null) {
      throw new InputException(
          ErrorCode.STATE,
          "cannot trust "
              + file
              + ": its first line does not name a run; start over with --replace");
    }
    List<String> streams = new ArrayList<>();
    run.get("streams").forEach(s -> streams.add(s.asText()));
    return new WalkSink.RunStart(
        JSON.convertValue(run.get("identity"), SyncIdentity.class),
        run.get("runId").asText(),
        Instant.parse(run.get("startedAt").asText()),
        streams);
  }

  private JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InputException(
          ErrorCode.STATE,
          "cannot trust "
              + file
              + ": a line is not JSON ("
              + e.getOriginalMessage()
              + ")"
              + "; start over with --replace");
    }
  }

  private static String key(String stream, String walk) {
    return stream + "\n" + walk;
  }

  private interface IoStep {
    void run() throws IOException;
  }

  private void io(String operation, IoStep step) throws IOException {
    try {
      step.run();
    } catch (IOException e) {
      throw IoErrors.failed(operation, file, e);
    }
  }
}
