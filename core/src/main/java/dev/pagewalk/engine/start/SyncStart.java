package dev.pagewalk.engine.start;

import dev.pagewalk.InputException;
import dev.pagewalk.RunInput;
import dev.pagewalk.SyncMode;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.engine.request.SecretPlaceholders;
import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.ParamDecl;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a sync starts, decided before anything is written: from which checkpoint (if any), after
 * which watermark, writing into the sink how. A run that would continue from the checkpoint or
 * watermark of a different sync is refused here with the differences named, and so is a resume
 * whose saved request would leave the origins the spec allows ({@link SavedOrigin}).
 *
 * @param identity the sync this run is
 * @param mode how the sink is opened
 * @param from the checkpoint a resumed run continues from; null otherwise
 * @param input the run's input, with {@code state} set where the run continues a watermark
 * @param notes what the operator should know about the decision
 * @param done the checkpoint of a run that completed, when there is nothing to resume; null
 *     otherwise
 */
public record SyncStart(
    SyncIdentity identity,
    WriteMode mode,
    Checkpoint from,
    RunInput input,
    List<String> notes,
    Checkpoint done) {
  private static final String WAYS_OUT =
      "give this one its own --sync-name, or start over with --replace";

  /**
   * Decides how the run of {@code plan} as sync {@code syncName} starts, given the checkpoint the
   * sink holds for it.
   *
   * @throws InputException when the run would mix with a different sync, or an input is invalid
   */
  public static SyncStart decide(
      Plan plan, RunInput input, String syncName, SyncMode mode, Optional<Checkpoint> saved) {
    SyncIdentity identity = identity(plan, input, syncName);
    List<String> notes = new ArrayList<>();
    if (mode == SyncMode.REPLACE) {
      notes.add("replace: " + syncName + " starts over (its records and checkpoint were removed)");
      return new SyncStart(identity, WriteMode.REPLACE, null, input, notes, null);
    }
    if (saved.isEmpty()) {
      if (mode == SyncMode.RESUME) {
        // a run killed before its first checkpoint: what it wrote is all unfinished tail
        notes.add("no checkpoint for " + syncName + ": starting from the beginning");
        return new SyncStart(identity, WriteMode.RESUME, null, input, notes, null);
      }
      return fresh(plan, identity, input, notes);
    }
    Checkpoint cp = saved.get();
    if (mode == SyncMode.RESUME) {
      requireSameSync(
          plan, identity, cp, "cannot resume: the checkpoint", "resume with that sync's inputs");
      if (!cp.resumable()) {
        notes.add(
            "nothing to resume: the last run ("
                + cp.runId()
                + ") ended "
                + cp.status()
                + (cp.stopReason() == null ? "" : " (" + cp.stopReason() + ")")
                + " after "
                + cp.pagesDone()
                + " pages; nothing was written");
        return new SyncStart(identity, WriteMode.RESUME, null, input, notes, cp);
      }
      return resumed(plan, identity, input, cp, notes);
    }
    if (plan.sync().incremental() && input.state().isEmpty()) {
      requireSameSync(
          plan,
          identity,
          cp,
          "cannot continue incrementally: the last run's watermark",
          "run with that sync's inputs");
      if (cp.status() == Checkpoint.Status.COMPLETE && cp.watermark() != null) {
        notes.add("incremental: continuing after " + cp.watermark());
        return new SyncStart(
            identity, WriteMode.APPEND, null, input.withState(cp.watermark()), notes, null);
      }
      if (cp.resumable()) {
        notes.add(
            "incremental: the last run ("
                + cp.runId()
                + ") did not finish; continuing it,"
                + " so that its records are not written twice");
        return resumed(plan, identity, input, cp, notes);
      }
      Map<String, Object> start = cp.state() == null ? Map.of() : cp.state();
      notes.add(
          "incremental: the last run ("
              + cp.runId()
              + ") ended "
              + cp.status()
              + (start.isEmpty()
                  ? "; starting from the beginning"
                  : "; starting again after " + start));
      return new SyncStart(identity, WriteMode.APPEND, null, input.withState(start), notes, null);
    }
    if (cp.identity() != null) {
      List<String> differences =
          identity.withSpecHash(cp.identity().specHash()).differencesFrom(cp.identity());
      if (!differences.isEmpty()) {
        throw new InputException(
            plan.name()
                + ": the destination holds sync "
                + syncName
                + " with other inputs ("
                + String.join("; ", differences)
                + "); "
                + WAYS_OUT);
      }
    }
    return fresh(plan, identity, input, notes);
  }

  private static SyncStart fresh(
      Plan plan, SyncIdentity identity, RunInput input, List<String> notes) {
    WriteMode mode = plan.sync().incremental() ? WriteMode.APPEND : WriteMode.FULL;
    return new SyncStart(identity, mode, null, input, notes, null);
  }

  private static SyncStart resumed(
      Plan plan, SyncIdentity identity, RunInput input, Checkpoint cp, List<String> notes) {
    SavedOrigin.check(plan, identity.baseUrl(), cp.next());
    notes.add(
        "resumed run "
            + cp.runId()
            + " at page "
            + cp.page()
            + " after "
            + dev.pagewalk.RunStats.resumedFrom(cp.counters()).recordsEmitted()
            + " records");
    RunInput effective = input.withState(cp.state() == null ? Map.of() : cp.state());
    return new SyncStart(identity, WriteMode.RESUME, cp, effective, notes, null);
  }

  private static void requireSameSync(
      Plan plan, SyncIdentity identity, Checkpoint cp, String what, String sameInputs) {
    if (cp.identity() == null) {
      throw new InputException(
          plan.name()
              + ": "
              + what
              + " was saved by an earlier pagewalk"
              + " without a sync identity, so it cannot be told apart from another sync's; "
              + WAYS_OUT);
    }
    List<String> differences = identity.differencesFrom(cp.identity());
    if (differences.isEmpty()) {
      return;
    }
    if (differences.size() == 1 && !cp.identity().specHash().equals(identity.specHash())) {
      throw new InputException(
          plan.name()
              + ": the spec changed since the checkpoint was saved"
              + " (spec hash "
              + abbrev(cp.identity().specHash())
              + " → "
              + abbrev(identity.specHash())
              + "); continuing could skip or repeat records — start over with --replace, or "
              + "give this run its own --sync-name");
    }
    throw new InputException(
        plan.name()
            + ": "
            + what
            + " belongs to a different sync ("
            + String.join("; ", differences)
            + "); "
            + sameInputs
            + ", "
            + WAYS_OUT);
  }

  /** The identity of running {@code plan} with {@code input} as sync {@code syncName}. */
  public static SyncIdentity identity(Plan plan, RunInput input, String syncName) {
    checkName(plan, syncName);
    Map<String, Object> params =
        InputBinder.bind(plan.name(), "parameter", plan.parameters(), input.parameters());
    Map<String, Object> connection =
        InputBinder.bind(plan.name(), "connection value", plan.connection(), input.connection());
    RunState state = new RunState(params, connection, input.state(), "", 0);
    SecretPlaceholders secrets =
        new SecretPlaceholders(state, plan.parameters(), plan.connection());
    return new SyncIdentity(
        syncName,
        plan.contentHash(),
        nonSecret(plan.parameters(), params),
        secrets.hide(baseUrl(plan, input, state)),
        SyncIdentity.fingerprint(nonSecret(plan.connection(), connection)));
  }

  /** The sync name, checked before it names a file or a table. */
  public static String checkName(Plan plan, String syncName) {
    try {
      return SyncIdentity.checkName(syncName);
    } catch (IllegalArgumentException e) {
      throw new InputException(plan.name() + ": " + e.getMessage());
    }
  }

  private static String baseUrl(Plan plan, RunInput input, RunState state) {
    if (input.baseUrl() != null) {
      return input.baseUrl();
    }
    if (plan.baseUrlTemplate() == null) {
      return null;
    }
    try {
      Object v = plan.baseUrlTemplate().evaluate(state);
      return v == null ? null : Values.toText(v);
    } catch (RuntimeException e) {
      return plan.baseUrl(); // the run itself reports the evaluation error
    }
  }

  private static Map<String, Object> nonSecret(List<ParamDecl> decls, Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParamDecl d : decls) {
      if (!d.secret() && values.containsKey(d.name())) {
        out.put(d.name(), values.get(d.name()));
      }
    }
    return out;
  }

  private static String abbrev(String hash) {
    return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
  }
}
