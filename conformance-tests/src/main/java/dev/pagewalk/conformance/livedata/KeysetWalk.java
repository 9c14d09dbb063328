package dev.pagewalk.conformance.livedata;

import java.util.List;
import java.util.Optional;

/**
 * One keyset step shared by the cursor styles: the records after a position and the cursor of the
 * next position, if any. On an empty-page fault it returns no records and a fresh cursor for the
 * same position.
 */
record KeysetWalk(List<Item> items, Optional<String> next) {

  static KeysetWalk step(
      PageRequest request, Dataset dataset, LiveDataConfig config, String cursorParam) {
    int limit = Pages.limit(request, "limit", config);
    Optional<SortKey> after =
        request.param(cursorParam).flatMap(token -> Cursor.decode(token, cursorParam));
    if (request.emptyWithNext()) {
      return new KeysetWalk(List.of(), Optional.of(Cursor.encode(after, request.number())));
    }
    Dataset.Slice slice = dataset.after(config.sort(), after, limit, Pages.since(request, config));
    Optional<String> next =
        slice.hasMore()
            ? Optional.of(
                Cursor.encode(Optional.of(config.sort().keyOf(last(slice.items()))), null))
            : Optional.empty();
    return new KeysetWalk(slice.items(), next);
  }

  /** The absolute URL of the next page: {@code <origin><basePath>?cursor=<token>&limit=<limit>}. */
  static String nextUrl(PageRequest request, LiveDataConfig config, String token) {
    return request.origin()
        + config.basePath()
        + "?cursor="
        + token
        + "&limit="
        + Pages.limit(request, "limit", config);
  }

  private static Item last(List<Item> items) {
    return items.get(items.size() - 1);
  }
}
