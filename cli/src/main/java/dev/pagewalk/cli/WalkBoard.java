package dev.pagewalk.cli;

import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.StreamPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The walks of a connector run by stream, as the progress line shows them: queued, started and
 * ended, and from those the streams and walks done, running and pending. A stream is pending until
 * a walk of it starts, and done once its parent is done and every walk it queued has ended.
 * Confined to the caller's lock ({@link ProgressLine} holds it).
 */
final class WalkBoard {
  private final String spec;
  private final Map<String, String> parents;
  private final Map<String, long[]> walks = new LinkedHashMap<>();

  /** {@code parents}: each stream the run walks, parents first, to its parent (null: none). */
  WalkBoard(String spec, Map<String, String> parents) {
    this.spec = spec;
    this.parents = parents;
    parents.keySet().forEach(s -> walks.put(s, new long[3]));
  }

  /**
   * The board of a run of {@code selected} streams (empty: all) of {@code plan}: those and the
   * parents they need.
   */
  static WalkBoard of(dev.pagewalk.Plan plan, java.util.List<String> selected) {
    Connector connector = Connector.of(plan);
    java.util.Set<String> walked = new java.util.HashSet<>();
    for (String name : selected.isEmpty() ? connector.streamNames() : selected) {
      for (StreamPlan s = connector.stream(name); s != null; ) {
        walked.add(s.name());
        s = s.parent() == null ? null : connector.stream(s.parent());
      }
    }
    Map<String, String> parents = new LinkedHashMap<>();
    for (StreamPlan s : connector.streams()) {
      if (walked.contains(s.name())) {
        parents.put(s.name(), s.parent());
      }
    }
    return new WalkBoard(connector.name(), parents);
  }

  void queued(String stream) {
    count(stream, 0);
  }

  /** A walk started; {@code walkSpec} is its spec name, {@code spec/stream}. */
  void started(String walkSpec) {
    count(stream(walkSpec), 1);
  }

  void ended(String walkSpec) {
    count(stream(walkSpec), 2);
  }

  private void count(String stream, int which) {
    long[] c = walks.get(stream);
    if (c != null) {
      c[which]++;
    }
  }

  private String stream(String walkSpec) {
    if (walkSpec.startsWith(spec + "/")) {
      return walkSpec.substring(spec.length() + 1);
    }
    return parents.size() == 1 ? parents.keySet().iterator().next() : walkSpec;
  }

  /** {@code streams 1 done, 1 running, 0 pending; walks 13 done, 4 running, 8 pending}. */
  String text() {
    long[] streams = new long[3];
    long[] all = new long[3];
    for (Map.Entry<String, long[]> e : walks.entrySet()) {
      long[] c = e.getValue();
      all[0] += c[2];
      all[1] += c[1] - c[2];
      all[2] += c[0] - c[1];
      streams[state(e.getKey())]++;
    }
    return "streams "
        + streams[0]
        + " done, "
        + streams[1]
        + " running, "
        + streams[2]
        + " pending; walks "
        + all[0]
        + " done, "
        + all[1]
        + " running, "
        + all[2]
        + " pending";
  }

  /** 0 done, 1 running, 2 pending. */
  private int state(String stream) {
    long[] c = walks.get(stream);
    String parent = parents.get(stream);
    boolean parentDone = parent == null ? c[0] > 0 : state(parent) == 0;
    if (parentDone && c[2] == c[0]) {
      return 0;
    }
    return c[1] > 0 ? 1 : 2;
  }
}
