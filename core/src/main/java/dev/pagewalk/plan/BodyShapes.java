package dev.pagewalk.plan;

import dev.pagewalk.expr.Reads;
import dev.pagewalk.expr.Template;
import dev.pagewalk.http.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out, for each request, which parts of a JSON response body the plan can see: the paths
 * under {@code body} that any expression reads, the paths under {@code item} grafted at the
 * request's {@code iterate} path (or at the root when it has none), and the {@code log.sanitize}
 * body paths, which must be found to be masked. The record is the item itself when there is no
 * {@code output}: the items are then records kept as sent ({@link Shape#asSentItems}), each decoded
 * whole only when something needs the record (the body whole, when there is no {@code iterate}). An
 * {@code iterate} that is not a plain path keeps the whole body. Over-approximates on purpose:
 * reads of every request count for all of them.
 */
final class BodyShapes {
  private BodyShapes() {}

  /**
   * The plan with each response's {@code bodyShape} set; {@code templates} are all the plan
   * compiled.
   */
  static Plan apply(Plan plan, List<Template> templates) {
    Set<Template> grafted = Collections.newSetFromMap(new IdentityHashMap<>());
    for (RequestPlan r : plan.requests()) {
      if (Reads.memberPath(r.response().iterate(), "body") != null) {
        grafted.add(r.response().iterate());
      }
    }
    List<Template> rest = new ArrayList<>();
    for (Template t : templates) {
      if (t != null && !grafted.contains(t)) {
        rest.add(t);
      }
    }
    Reads reads = Reads.of(rest);
    Set<List<String>> item = new LinkedHashSet<>(reads.paths("item"));
    if (!reads.paths("iterate").isEmpty()) {
      item.add(List.of()); // iterate.container.first and .last are items
    }
    List<RequestPlan> next = new ArrayList<>();
    for (RequestPlan r : plan.requests()) {
      next.add(r.withResponse(r.response().withBodyShape(shape(r, reads.paths("body"), item))));
    }
    return plan.withRequests(next);
  }

  private static Shape shape(RequestPlan r, Set<List<String>> body, Set<List<String>> item) {
    ResponsePlan response = r.response();
    List<String> at = List.of();
    if (response.iterate() != null) {
      at = Reads.memberPath(response.iterate(), "body");
      if (at == null) {
        return Shape.ALL;
      }
    }
    Set<List<String>> bodyPaths = new LinkedHashSet<>(body);
    for (String path : r.sanitize()) {
      if (path.startsWith("response.body.")) {
        bodyPaths.add(List.of(path.substring("response.body.".length()).split("\\.")));
      }
    }
    Set<List<String>> itemPaths = new LinkedHashSet<>(item);
    if (response.output() == null && response.iterate() == null) {
      itemPaths.add(List.of()); // the body is the record
    }
    Shape items = Shape.of(itemPaths);
    return Shape.of(bodyPaths).with(at, response.output() == null ? items.asSentItems() : items);
  }
}
