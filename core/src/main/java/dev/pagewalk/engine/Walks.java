package dev.pagewalk.engine;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.StopReason;
import dev.pagewalk.audit.Auditor;
import dev.pagewalk.engine.page.KeySet;
import dev.pagewalk.engine.page.PageAcceptor;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.engine.request.SecretPlaceholders;
import dev.pagewalk.engine.start.ResumePoint;
import dev.pagewalk.plan.AuditPlan.OnDrift;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The walks of one run, one after another: the first walk, a restart from the watermark when the
 * saved cursor expired, and the re-walks {@code audit.onDrift} asks for. {@link Engine} sets the
 * run up and turns the last walk into the result.
 */
final class Walks {
  private Walks() {}

  /**
   * How the walks of a run ended: the last walk's outcome, the context and acceptor it ended with
   * (a restart from the watermark replaces both), the auditor of its evidence, the walks of a
   * rewalk (null without one) and the notes.
   */
  record Walked(
      StopReason reason,
      PagewalkException failure,
      RunContext run,
      PageAcceptor acceptor,
      Auditor auditor,
      List<Map<String, Object>> walks,
      List<String> notes) {
    /** Every failure a run ends with passes here: its message is masked once, whatever built it. */
    Walked {
      failure = failure == null ? null : run.redactor.failure(failure);
    }

    static Walked failed(
        RunContext run, StopReason reason, PagewalkException failure, List<String> notes) {
      return new Walked(reason, failure, run, null, newAuditor(run.plan), null, notes);
    }

    Walked ending(WalkOutcome outcome) {
      PagewalkException f = outcome instanceof WalkOutcome.Failed failed ? failed.failure() : null;
      return new Walked(outcome.reason(), f, run, acceptor, auditor, walks, notes);
    }
  }

  /**
   * The first walk, then what its end asks for: restarts when the walk's cursor expired on a later
   * page ({@code retry.restartWalk}), a restart from the watermark when the saved cursor expired,
   * re-walks while {@code audit.onDrift: rewalk} finds drift after a natural end, a failure when
   * {@code audit.onDrift: fail} finds drift.
   */
  static Walked walkAll(
      RunContext run,
      PageWriter writer,
      ResumePoint resume,
      Checkpoint from,
      SyncIdentity identity,
      List<String> notes,
      ReadBack readBack) {
    Plan plan = run.plan;
    SecretPlaceholders secrets =
        new SecretPlaceholders(run.state, plan.parameters(), plan.connection(), run.auth.source());
    Auditor auditor = newAuditor(plan);
    Set<String> keys = plan.audit().onDrift() == OnDrift.REWALK ? new HashSet<>() : null;
    List<Object> startMark =
        from != null && from.watermark() != null && from.watermark().containsKey("cursor")
            ? Arrays.asList(from.watermark().get("cursor"), from.watermark().get("tieBreaker"))
            : null;
    PageAcceptor acceptor =
        new PageAcceptor(
            run.plan,
            auditor,
            new KeySet(),
            watermarkOf(plan, run.input.state()),
            plan.sync().incremental() ? run.state.now() : null,
            startMark,
            keys);
    WalkOutcome outcome =
        new ChainRunner(run, acceptor, new Checkpoints(run, secrets, identity), secrets)
            .run(writer, resume);
    Walked walked =
        new Walked(outcome.reason(), null, run, acceptor, auditor, null, notes).ending(outcome);
    if (outcome instanceof WalkOutcome.WalkExpired) {
      long beforeResume =
          from == null ? 0 : dev.pagewalk.RunStats.resumedFrom(from.counters()).recordsEmitted();
      Restarted restarted =
          restarted(walked, outcome, writer, identity, secrets, beforeResume, readBack);
      walked = restarted.walked();
      keys = keys == null ? null : restarted.keys();
    }
    if (outcome instanceof WalkOutcome.CursorExpired expired) {
      walked = restartFromWatermark(walked, expired, writer, from, identity, secrets);
    }
    if (walked.failure() != null || !walked.auditor().driftDetected()) {
      return walked;
    }
    return switch (plan.audit().onDrift()) {
      case REWALK ->
          walked.reason().kind() == StopReason.Kind.NATURAL
              ? rewalk(walked, keys, writer, identity, secrets)
              : walked;
      case FAIL ->
          walked.ending(
              new WalkOutcome.Failed(
                  StopReason.ERROR,
                  new RunFailureException(
                      ErrorCode.DRIFT,
                      plan.name()
                          + ": drift detected (audit.onDrift: fail): records moved between pages")));
      case REPORT -> walked;
    };
  }

  /** A walk after its restarts, with the keys of its last walk (null when not collected). */
  private record Restarted(Walked walked, Set<String> keys) {}

  /**
   * The walk's cursor expired on a later page ({@code retry.restartWalk}): the walk starts again
   * from where the run started, at most {@code retry.restartWalk.max} times. Records delivered
   * before are known by their key and not delivered again; each restart is a note. A resumed walk
   * restarts too (its saved iterator expired), from the first page: the {@code beforeResume}
   * records the interrupted run wrote before its checkpoint are read back from the destination
   * ({@code readBack}, only then) and known by key as well. A destination that cannot tell them
   * leaves them to be delivered again, and the first restart's note says so; one that fails while
   * read fails the walk ({@link ErrorCode#STATE}) rather than deliver them twice.
   */
  private static Restarted restarted(
      Walked first,
      WalkOutcome outcome,
      PageWriter writer,
      SyncIdentity identity,
      SecretPlaceholders secrets,
      long beforeResume,
      ReadBack readBack) {
    RunContext run = first.run();
    Plan plan = run.plan;
    int max = plan.retry().restartWalk().max();
    List<String> notes = new ArrayList<>(first.notes());
    PageAcceptor acceptor = first.acceptor();
    Auditor auditor = first.auditor();
    Set<String> keys = null;
    Checkpoints checkpoints = new Checkpoints(run, secrets, identity);
    for (int restart = 1; outcome instanceof WalkOutcome.WalkExpired expired; restart++) {
      if (restart > max) {
        return new Restarted(
            new Walked(outcome.reason(), null, run, acceptor, auditor, null, notes)
                .ending(
                    new WalkOutcome.Failed(
                        StopReason.ERROR,
                        new RunFailureException(
                            ErrorCode.CURSOR_EXPIRED,
                            plan.name()
                                + ": the walk's cursor expired again on page "
                                + expired.page()
                                + " ("
                                + expired.request()
                                + " returned "
                                + expired.status()
                                + ") after "
                                + max
                                + " restarts (retry.restartWalk.max)"))),
            keys);
      }
      boolean heldKnown = true;
      if (restart == 1 && beforeResume > 0) {
        try {
          heldKnown = readBack != null && HeldKeys.load(run, acceptor.delivered(), readBack);
        } catch (IOException | java.io.UncheckedIOException e) {
          return new Restarted(
              new Walked(outcome.reason(), null, run, acceptor, auditor, null, notes)
                  .ending(
                      new WalkOutcome.Failed(
                          StopReason.ERROR,
                          new RunFailureException(
                              ErrorCode.STATE,
                              plan.name()
                                  + ": the walk's cursor expired on page "
                                  + expired.page()
                                  + " and the walk would start over, but the records written"
                                  + " before the resumed checkpoint cannot be read back: "
                                  + e.getMessage(),
                              e))),
              keys);
        }
      }
      notes.add(
          "the walk's cursor expired on page "
              + expired.page()
              + " ("
              + expired.status()
              + "): restarted the walk from the start (restart "
              + restart
              + " of at most "
              + max
              + ")"
              + (!heldKnown
                  ? "; the "
                      + beforeResume
                      + " records written before the resumed checkpoint are delivered again"
                  : ""));
      auditor = newAuditor(plan);
      keys = new HashSet<>();
      acceptor = acceptor.nextWalk(auditor, keys);
      run.state.resetForWalk();
      outcome = new ChainRunner(run, acceptor, checkpoints, secrets).run(writer, null);
    }
    return new Restarted(
        new Walked(outcome.reason(), null, run, acceptor, auditor, null, notes).ending(outcome),
        plan.audit().onDrift() == OnDrift.REWALK ? keys : null);
  }

  /**
   * The saved cursor expired: an incremental sync starts over from the checkpoint's watermark,
   * anything else fails.
   */
  private static Walked restartFromWatermark(
      Walked walked,
      WalkOutcome.CursorExpired expired,
      PageWriter writer,
      Checkpoint from,
      SyncIdentity identity,
      SecretPlaceholders secrets) {
    RunContext run = walked.run();
    Plan plan = run.plan;
    List<Object> mark =
        from == null || from.watermark() == null
            ? null
            : List.of(
                from.watermark().get("cursor"), from.watermark().getOrDefault("tieBreaker", ""));
    if (!plan.sync().incremental() || mark == null) {
      return walked.ending(
          new WalkOutcome.Failed(
              StopReason.ERROR,
              new RunFailureException(
                  ErrorCode.CURSOR_EXPIRED,
                  plan.name()
                      + ": the saved cursor was rejected as expired ("
                      + expired.request()
                      + " returned "
                      + expired.status()
                      + ") and there is no keyset watermark to fall back on"
                      + (plan.sync().incremental()
                          ? " yet"
                          : " (the spec declares no sync.incremental)")
                      + "; run without resume to start over")));
    }
    List<String> notes = new ArrayList<>(walked.notes());
    notes.add(
        "the saved cursor expired ("
            + expired.status()
            + "): restarted from the"
            + " watermark "
            + from.watermark());
    Map<String, Object> fallback = new LinkedHashMap<>(from.watermark());
    RunContext fresh =
        run.withState(
            new RunState(
                run.state.parameters(),
                run.state.connection(),
                fallback,
                run.state.now(),
                run.state.timestamp(),
                run.state.walk()));
    PageAcceptor acceptor =
        new PageAcceptor(
            fresh.plan, walked.auditor(), new KeySet(), mark, fresh.state.now(), null, null);
    WalkOutcome outcome =
        new ChainRunner(fresh, acceptor, new Checkpoints(fresh, secrets, identity), secrets)
            .run(writer, null);
    return new Walked(outcome.reason(), null, fresh, acceptor, walked.auditor(), null, notes)
        .ending(outcome);
  }

  /**
   * Walks again, up to {@code audit.maxWalks} walks in all, until a walk finds no drift and the
   * same keys as the walk before it.
   */
  private static Walked rewalk(
      Walked first,
      Set<String> firstKeys,
      PageWriter writer,
      SyncIdentity identity,
      SecretPlaceholders secrets) {
    RunContext run = first.run();
    Plan plan = run.plan;
    Checkpoints checkpoints = new Checkpoints(run, secrets, identity);
    List<Map<String, Object>> walks = new ArrayList<>();
    walks.add(walk(1, firstKeys, true, run.tally.now().recordsEmitted()));
    Set<String> keys = firstKeys;
    PageAcceptor acceptor = first.acceptor();
    Auditor auditor = first.auditor();
    WalkOutcome outcome = new WalkOutcome.Ended(first.reason());
    for (int w = 2; w <= plan.audit().maxWalks(); w++) {
      Auditor next = newAuditor(plan);
      Set<String> nextKeys = new HashSet<>();
      acceptor = acceptor.nextWalk(next, nextKeys);
      run.state.resetForWalk();
      long before = run.tally.now().recordsEmitted();
      outcome = new ChainRunner(run, acceptor, checkpoints, secrets).run(writer, null);
      walks.add(walk(w, nextKeys, next.driftDetected(), run.tally.now().recordsEmitted() - before));
      auditor = next;
      if (outcome.reason().kind() != StopReason.Kind.NATURAL
          || (!next.driftDetected() && nextKeys.equals(keys))) {
        break;
      }
      keys = nextKeys;
    }
    return new Walked(outcome.reason(), null, run, acceptor, auditor, walks, first.notes())
        .ending(outcome);
  }

  static Auditor newAuditor(Plan plan) {
    return new Auditor(
        plan.outputRequest().response().key() != null,
        plan.audit().total() != null,
        !plan.sync().order().isEmpty(),
        plan.audit().sequentialId() != null);
  }

  private static Map<String, Object> walk(int n, Set<String> keys, boolean drift, long delivered) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("walk", n);
    m.put("keys", keys.size());
    m.put("drift", drift);
    m.put("newRecords", delivered);
    return m;
  }

  private static List<Object> watermarkOf(Plan plan, Map<String, Object> state) {
    if (!plan.sync().incremental() || !state.containsKey("cursor")) {
      return null;
    }
    List<Object> pair = new ArrayList<>(2);
    pair.add(state.get("cursor"));
    pair.add(state.get("tieBreaker"));
    return pair;
  }
}
