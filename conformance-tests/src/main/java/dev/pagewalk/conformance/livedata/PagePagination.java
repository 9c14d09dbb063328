package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code ?page=1&per_page=10} → {@code {"data", "page", "per_page", "total", "total_pages"}}. Pages
 * are numbered from firstPage (0 or 1); {@code page} echoes the number asked for. The page is cut
 * from the dataset as it is now, so it drifts under inserts and deletes. Pages past the end are
 * empty, or with repeatLastPagePastEnd the last page again.
 */
final class PagePagination implements PaginationStyle {
  @Override
  public PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config) {
    int perPage = Pages.limit(request, "per_page", config);
    int page = Pages.intParam(request, "page", config.firstPage());
    int index = page - config.firstPage();
    if (index < 0) {
      throw new BadRequestException("page must be >= " + config.firstPage() + " but was " + page);
    }
    List<Item> all = dataset.ordered(config.sort());
    int totalPages = (all.size() + perPage - 1) / perPage;
    if (config.repeatLastPagePastEnd() && index >= totalPages && totalPages > 0) {
      index = totalPages - 1;
    }
    List<Item> items =
        request.emptyWithNext() ? List.of() : Pages.window(all, index * perPage, perPage);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("data", Pages.data(items, dataset.idType()));
    body.put("page", page);
    body.put("per_page", perPage);
    body.put("total", all.size() + config.totalOffset());
    body.put("total_pages", totalPages);
    return PageResponse.json(200, body);
  }
}
