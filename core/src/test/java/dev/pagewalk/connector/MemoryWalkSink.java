package dev.pagewalk.connector;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link WalkSink} in memory that outlives its runs: what was committed stays for the next run to
 * load, as a database would keep it. Records by stream, in commit order.
 */
final class MemoryWalkSink implements WalkSink {
  private RunStart run;
  private final Map<String, SavedWalk> walks = new LinkedHashMap<>();
  final Map<String, List<Object>> records = new LinkedHashMap<>();
  final List<WriteMode> opened = new ArrayList<>();

  /** False: keeps no walk outcome, as a destination written before outcomes were kept. */
  boolean keepsOutcomes = true;

  @Override
  public Optional<Saved> load() {
    return run == null
        ? Optional.empty()
        : Optional.of(new Saved(run, List.copyOf(walks.values())));
  }

  @Override
  public void open(WriteMode mode, RunStart start) throws IOException {
    opened.add(mode);
    if (mode == WriteMode.FULL && run != null) {
      throw new IOException("the destination already holds run " + run.runId()); // as a file would
    }
    if (mode != WriteMode.RESUME) {
      walks.clear();
      records.clear();
    }
    run = start;
  }

  @Override
  public void commit(Page page) {
    for (OutputRecord r : page.records()) {
      records.computeIfAbsent(page.stream(), k -> new ArrayList<>()).add(r.value());
    }
    walks.put(
        key(page.stream(), page.walk()),
        saved(page.stream(), page.walk(), page.after(), keepsOutcomes ? page.outcome() : null));
    for (Spawned s : page.spawned()) {
      walks.put(key(s.stream(), s.walk()), new SavedWalk(s.stream(), s.walk(), s.parent(), null));
    }
  }

  private SavedWalk saved(String stream, String walk, Checkpoint after, Outcome outcome) {
    SavedWalk was = walks.get(key(stream, walk));
    return new SavedWalk(stream, walk, was == null ? null : was.parent(), after, outcome);
  }

  SavedWalk walk(String stream, String walk) {
    return walks.get(key(stream, walk));
  }

  private static String key(String stream, String walk) {
    return stream + "\n" + walk;
  }
}
