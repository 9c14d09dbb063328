package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ?limit=10}, then the URL given → {@code {"data": [...], "next":
 * "http://host:port/items?cursor=<token>&limit=10"|null}}. The next URL is absolute, built from the
 * host the client addressed; null on the last page.
 */
final class NextUrlPagination implements PaginationStyle {
  @Override
  public PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config) {
    KeysetWalk walk = KeysetWalk.step(request, dataset, config, "cursor");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("data", Pages.data(walk.items(), dataset.idType()));
    body.put(
        "next", walk.next().map(token -> KeysetWalk.nextUrl(request, config, token)).orElse(null));
    return PageResponse.json(200, body);
  }
}
