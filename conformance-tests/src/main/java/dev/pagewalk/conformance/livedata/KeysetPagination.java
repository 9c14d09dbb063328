package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code ?limit=10&after_id=<id>} → {@code {"data": [...]}}: the records after record {@code
 * after_id} in the sort order (the id may have been deleted since). The client stops on a page
 * shorter than limit. An unknown id answers 400.
 */
final class KeysetPagination implements PaginationStyle {
  @Override
  public PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config) {
    int limit = Pages.limit(request, "limit", config);
    var after = Pages.afterId(request, "after_id", dataset, config);
    List<Item> items =
        request.emptyWithNext()
            ? List.of()
            : dataset.after(config.sort(), after, limit, Pages.since(request, config)).items();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("data", Pages.data(items, dataset.idType()));
    return PageResponse.json(200, body);
  }
}
