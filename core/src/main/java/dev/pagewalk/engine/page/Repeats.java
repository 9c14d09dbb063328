package dev.pagewalk.engine.page;

/**
 * What the {@link LoopGuard} has seen up to a page: the same body in a row, empty pages in a row
 * while the condition asked for more, the same keyless records in a row, and pages in a row that
 * held only records already delivered.
 */
public record Repeats(int sameBody, int emptyPages, int sameRecords, int repeatedPages) {
  /**
   * Why the walk loops after page {@code pageNumber} of {@code pageSize} records, sent as {@code
   * request}; null when it does not. Empty and same-record pages only count as a loop when the walk
   * would go on ({@code stopping} false).
   */
  public String loopAfter(boolean stopping, long pageNumber, int pageSize, String request) {
    if (sameBody >= 3) {
      return "the same response body came back three times in a row (page "
          + pageNumber
          + ", "
          + request
          + ")";
    }
    if (!stopping && emptyPages >= LoopGuard.MAX_EMPTY_PAGES) {
      return emptyPages
          + " pages in a row were empty while pagination.condition still asked"
          + " for more (pages "
          + (pageNumber - emptyPages + 1)
          + " to "
          + pageNumber
          + ", last "
          + request
          + ")";
    }
    if (!stopping && sameRecords >= LoopGuard.MAX_SAME_RECORDS) {
      return "pages "
          + (pageNumber - sameRecords + 1)
          + " to "
          + pageNumber
          + " held the same "
          + pageSize
          + (pageSize == 1 ? " record" : " records")
          + " (last "
          + request
          + "): the API serves the same data again under new next-page requests";
    }
    if (repeatedPages >= 2) {
      return "pages "
          + (pageNumber - 1)
          + " and "
          + pageNumber
          + " held only records already"
          + " delivered ("
          + request
          + "): the API serves the same data again";
    }
    return null;
  }
}
