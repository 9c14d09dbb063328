package dev.pagewalk.conformance.livedata;

/**
 * {@code ?limit=10}, then the URL given → a bare JSON array of records and, unless this is the last
 * page, the RFC 8288 header {@code Link: <http://host:port/items?cursor=<token>&limit=10>;
 * rel="next"}.
 */
final class LinkPagination implements PaginationStyle {
  @Override
  public PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config) {
    KeysetWalk walk = KeysetWalk.step(request, dataset, config, "cursor");
    PageResponse response = PageResponse.json(200, Pages.data(walk.items(), dataset.idType()));
    return walk.next()
        .map(
            token ->
                response.withHeader(
                    "Link", "<" + KeysetWalk.nextUrl(request, config, token) + ">; rel=\"next\""))
        .orElse(response);
  }
}
