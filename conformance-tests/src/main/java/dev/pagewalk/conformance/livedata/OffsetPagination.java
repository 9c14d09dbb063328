package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code ?offset=0&limit=10} → {@code {"data": [...], "total": N}}. The window is taken from the
 * dataset as it is now, so it drifts under inserts and deletes. With repeatLastPagePastEnd, an
 * offset at or past the end returns the last limit-aligned page again.
 */
final class OffsetPagination implements PaginationStyle {
  @Override
  public PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config) {
    int limit = Pages.limit(request, "limit", config);
    int offset = Pages.intParam(request, "offset", 0);
    if (offset < 0) {
      throw new BadRequestException("offset must be >= 0 but was " + offset);
    }
    List<Item> all = dataset.ordered(config.sort());
    int from = offset;
    if (config.repeatLastPagePastEnd() && offset >= all.size() && !all.isEmpty()) {
      from = (all.size() - 1) / limit * limit;
    }
    List<Item> page = request.emptyWithNext() ? List.of() : Pages.window(all, from, limit);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("data", Pages.data(page, dataset.idType()));
    body.put("total", all.size() + config.totalOffset());
    return PageResponse.json(200, body);
  }
}
