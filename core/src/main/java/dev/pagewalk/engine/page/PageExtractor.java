package dev.pagewalk.engine.page;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.expr.Template;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.ProbedList;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.ResponsePlan;
import dev.pagewalk.plan.SyncPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the exposed response into records: {@code iterate} (null = no items), {@code
 * iterate.condition}, {@code output}, {@code key}; at most {@code room} records are kept. The whole
 * page is built before anything is delivered, so a failure never leaves half a page. When the
 * output is the item itself, each record keeps the item's JSON as sent where the decoder found it
 * canonical, for a JSON Lines sink to copy; where the decoder kept the items as sent (decoded only
 * as far as the spec reads them), expressions read the items decoded in part and the records are
 * the items whole ({@link ProbedList.Probes#records}).
 */
public final class PageExtractor {
  private final Plan spec;
  private final RunState state;
  private final ResponseReader reader;

  public PageExtractor(Plan spec, RunState state, ResponseReader reader) {
    this.spec = spec;
    this.state = state;
    this.reader = reader;
  }

  public Page extract(ResponsePlan plan, long pageNumber, long room) {
    RunState s = state;
    List<?> items = items(plan, pageNumber);
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("first", items.isEmpty() ? null : items.get(0));
    container.put("last", items.isEmpty() ? null : items.get(items.size() - 1));
    Map<String, Object> iterate = new LinkedHashMap<>();
    iterate.put("container", container);
    // an output of item paths cannot fail, so its values are built as the sink takes them
    Function<Object, Object> deferred =
        plan.output() == null ? null : plan.output().asFunctionOf("item");
    Object[] keys = new Object[items.size()];
    Object[] saved = new Object[items.size()];
    long[] fingerprints = new long[items.size()];
    ProbedList.Probes probes =
        items instanceof ProbedList probed ? probed.probes(reader.decoding(plan).probe()) : null;
    if (probes == null && items instanceof ProbedList probed && probed.holdsParts()) {
      throw new IllegalStateException("the items decoded in part changed before their records");
    }
    Object[] whole = plan.output() == null && probes != null ? probes.records() : null;
    RawJson[] itemJson =
        plan.output() == null && probes != null && probes.json() != null ? probes.json() : null;
    RawJson[] json = itemJson == null ? null : new RawJson[items.size()];
    int count = 0;
    SyncPlan sync = spec.sync();
    Template sequentialId = spec.audit().sequentialId();
    List<List<Object>> order = sync.order().isEmpty() ? List.of() : new ArrayList<>();
    List<Long> ids = sequentialId == null ? List.of() : new ArrayList<>();
    List<List<Object>> cursors = sync.incremental() ? new ArrayList<>() : List.of();
    int filtered = 0;
    boolean truncated = false;
    for (int i = 0; i < items.size(); i++) {
      s.item(items.get(i));
      if (plan.iterateCondition() != null
          && !Values.truthy(
              reader.evaluate(plan.iterateCondition(), "response.iterate.condition"))) {
        filtered++;
        continue;
      }
      if (count >= room) {
        truncated = true;
        break;
      }
      Object value =
          whole != null
              ? whole[i]
              : deferred != null || plan.output() == null
                  ? s.item()
                  : reader.evaluate(plan.output(), "response.output");
      Object key = null;
      if (plan.key() != null) {
        boolean missing;
        if (probes != null && probes.values()[i] != KeyProbe.UNREAD) {
          key = probes.values()[i]; // taken as the item was decoded, and not read here
          fingerprints[count] = probes.marks()[i];
          missing = fingerprints[count] == 0;
        } else {
          key = reader.evaluate(plan.key(), "response.key");
          fingerprints[count] = 0; // taken when the page is accepted
          missing = isMissing(key);
        }
        if (missing) {
          if (plan.skipMissingKey()) {
            filtered++;
            continue;
          }
          throw new RunStop(
              StopReason.ERROR,
              new RunFailureException(
                  ErrorCode.MISSING_KEY,
                  spec.name()
                      + ": record "
                      + (i + 1)
                      + " of page "
                      + pageNumber
                      + " has no key (response.key evaluated to "
                      + (key == null ? "null" : "''")
                      + ")"));
        }
      }
      keys[count] = key;
      saved[count] = value;
      if (json != null) {
        json[count] = itemJson[i];
      }
      count++;
      if (!sync.order().isEmpty()) {
        List<Object> tuple = new ArrayList<>(sync.order().size());
        for (Template t : sync.order()) {
          tuple.add(reader.evaluate(t, "sync.order"));
        }
        order.add(tuple);
      }
      if (sequentialId != null) {
        ids.add(sequentialId(reader.evaluate(sequentialId, "audit.sequentialId"), pageNumber));
      }
      if (sync.incremental()) {
        List<Object> pair = new ArrayList<>(2);
        pair.add(reader.evaluate(sync.cursor(), "sync.incremental.cursor"));
        pair.add(
            sync.tieBreaker() == null
                ? null
                : reader.evaluate(sync.tieBreaker(), "sync.incremental.tieBreaker"));
        cursors.add(pair);
      }
    }
    s.item(null);
    s.iterate(iterate);
    PageRecords records =
        new PageRecords(
            keys,
            fingerprints,
            saved,
            json,
            count,
            pageNumber,
            deferred != null ? deferred : Function.identity());
    return new Page(records, items.size(), filtered, truncated, order, ids, cursors);
  }

  private Long sequentialId(Object v, long pageNumber) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String str) {
      try {
        return Long.parseLong(str.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new RunStop(
        StopReason.ERROR,
        new RunFailureException(
            ErrorCode.EXPRESSION,
            spec.name()
                + ": audit.sequentialId must be a whole number, got "
                + (v == null ? "null" : Values.toText(v))
                + " on page "
                + pageNumber));
  }

  private List<?> items(ResponsePlan plan, long pageNumber) {
    RunState s = state;
    if (plan.iterate() == null) {
      return s.body() == null ? List.of() : List.of(s.body());
    }
    Object v = reader.evaluate(plan.iterate(), "response.iterate");
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      return list;
    }
    if (v instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    throw new RunStop(
        StopReason.ERROR,
        new RunFailureException(
            ErrorCode.ITERATE_NOT_LIST,
            spec.name()
                + ": response.iterate must yield a list, got "
                + Values.typeName(v)
                + " on page "
                + pageNumber));
  }

  static boolean isMissing(Object key) {
    return key == null
        || (key instanceof String str && str.isEmpty())
        || (key instanceof List<?> l
            && (l.isEmpty() || l.stream().anyMatch(PageExtractor::isMissing)));
  }
}
