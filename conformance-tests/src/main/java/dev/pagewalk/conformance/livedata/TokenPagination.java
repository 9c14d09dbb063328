package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ?limit=10&page_token=<token>} → {@code {"data": [...], "next_page_token":
 * "<token>"|null}}. The token is opaque base64url meaning "after record X"; null on the last page.
 */
final class TokenPagination implements PaginationStyle {
  @Override
  public PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config) {
    KeysetWalk walk = KeysetWalk.step(request, dataset, config, "page_token");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("data", Pages.data(walk.items(), dataset.idType()));
    body.put("next_page_token", walk.next().orElse(null));
    return PageResponse.json(200, body);
  }
}
