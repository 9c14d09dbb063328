package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stripe-like: {@code ?limit=10&starting_after=<id>} → {@code {"data": [...], "has_more": bool}}.
 * The next request passes the last id of the page as starting_after.
 */
final class HasMorePagination implements PaginationStyle {
  @Override
  public PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config) {
    int limit = Pages.limit(request, "limit", config);
    var after = Pages.afterId(request, "starting_after", dataset, config);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (request.emptyWithNext()) {
      body.set("data", JsonNodeFactory.instance.arrayNode());
      body.put("has_more", true);
    } else {
      Dataset.Slice slice =
          dataset.after(config.sort(), after, limit, Pages.since(request, config));
      body.set("data", Pages.data(slice.items(), dataset.idType()));
      body.put("has_more", slice.hasMore());
    }
    return PageResponse.json(200, body);
  }
}
