package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import dev.pagewalk.http.ResponseType;
import dev.pagewalk.http.Shape;
import java.util.Map;

/**
 * The compiled {@code response} block. Absent directives are null: no {@code valid} means status
 * 200–399; no {@code iterate} means the whole body is one record; no {@code output} means the item
 * itself. {@code bodyShape} is what of a JSON body the plan's expressions can read (see {@link
 * BodyShapes}); the rest is not decoded. {@code type} is never null.
 */
public record ResponsePlan(
    ResponseType type,
    Template valid,
    Template errorMessage,
    Map<Integer, Template> statusMessages,
    Template iterate,
    Template iterateCondition,
    Template output,
    Template key,
    boolean skipMissingKey,
    Template limit,
    Template temp,
    Shape bodyShape) {
  public static final ResponsePlan DEFAULTS =
      new ResponsePlan(
          ResponseType.AUTOMATIC,
          null,
          null,
          Map.of(),
          null,
          null,
          null,
          null,
          false,
          null,
          null,
          Shape.ALL);

  public ResponsePlan {
    type = type == null ? ResponseType.AUTOMATIC : type;
    statusMessages = Map.copyOf(statusMessages);
    bodyShape = bodyShape == null ? Shape.ALL : bodyShape;
  }

  /** This plan decoding JSON bodies to {@code shape}. */
  public ResponsePlan withBodyShape(Shape shape) {
    return new ResponsePlan(
        type,
        valid,
        errorMessage,
        statusMessages,
        iterate,
        iterateCondition,
        output,
        key,
        skipMissingKey,
        limit,
        temp,
        shape);
  }
}
