package dev.pagewalk.conformance.livedata;

/** Serves one page in one wire format; see {@link Style} for the formats. Stateless. */
interface PaginationStyle {
  PageResponse serve(PageRequest request, Dataset dataset, LiveDataConfig config);

  static PaginationStyle of(Style style) {
    return switch (style) {
      case OFFSET -> new OffsetPagination();
      case PAGE -> new PagePagination();
      case TOKEN -> new TokenPagination();
      case KEYSET -> new KeysetPagination();
      case NEXT_URL -> new NextUrlPagination();
      case LINK -> new LinkPagination();
      case HAS_MORE -> new HasMorePagination();
    };
  }
}
