package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.util.Map;

/**
 * The compiled {@code response} block. Absent directives are null: no {@code valid} means status
 * 200–399; no {@code iterate} means the whole body is one record; no {@code output} means the
 * item itself.
 */
public record ResponsePlan(
    String type,
    Template valid,
    Template errorMessage,
    Map<Integer, Template> statusMessages,
    Template iterate,
    Template iterateCondition,
    Template output,
    Template key,
    boolean skipMissingKey,
    Template limit,
    Template temp) {
  public static final ResponsePlan DEFAULTS =
      new ResponsePlan("automatic", null, null, Map.of(), null, null, null, null, false, null, null);

  public ResponsePlan {
    statusMessages = Map.copyOf(statusMessages);
  }
}
