package dev.pagewalk.engine;

import dev.pagewalk.engine.page.KeySet;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.expr.Template;
import dev.pagewalk.plan.ResponsePlan;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import java.io.IOException;

/**
 * Adds the keys of the records a destination holds from the run a walk resumes to the run's
 * delivered keys, when the resumed walk starts over from its first page ({@code
 * retry.restartWalk}): the restart then drops them as it drops the records it delivered itself. A
 * database tells each record's key; a file tells the records as written, and each key is computed
 * with {@code response.key} — which needs the records to be the items, so a spec with {@code
 * response.output} (whose records may lack what the key reads) cannot be told this way.
 */
final class HeldKeys implements HeldRecords {
  private final KeySet delivered;
  private final ResponsePlan response;
  private final RunState state;

  private HeldKeys(KeySet delivered, ResponsePlan response, RunState state) {
    this.delivered = delivered;
    this.response = response;
    this.state = state;
  }

  /** A written record whose key cannot be computed: the destination's records cannot be used. */
  private static final class Unkeyed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unkeyed() {
      super(null, null, false, false);
    }
  }

  /**
   * Reads the destination's records into {@code delivered}; false when the destination cannot tell
   * them, or tells records whose keys cannot be computed (some may have been added by then).
   *
   * @throws IOException when the destination cannot be read
   */
  static boolean load(RunContext run, KeySet delivered, ReadBack readBack) throws IOException {
    HeldKeys held = new HeldKeys(delivered, run.plan.outputRequest().response(), run.state);
    try {
      return readBack.into(held);
    } catch (Unkeyed e) {
      return false;
    } finally {
      run.state.item(null);
    }
  }

  @Override
  public void key(String canonical) {
    delivered.addCanonical(canonical);
  }

  @Override
  public void record(Object value) {
    Template key = response.key();
    if (key == null || response.output() != null) {
      throw new Unkeyed();
    }
    state.item(value);
    Object k;
    try {
      k = key.evaluate(state);
    } catch (RuntimeException e) {
      throw new Unkeyed();
    }
    if (k == null || (k instanceof String s && s.isEmpty())) {
      throw new Unkeyed();
    }
    delivered.add(k);
  }
}
