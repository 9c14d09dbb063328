package dev.pagewalk.conformance.livedata;

import java.util.Arrays;

/**
 * The pagination styles the mock serves at {@code GET <basePath>}. Parameter names are fixed.
 * {@code limit}/{@code per_page} default to {@code pageSize} and are capped at {@code maxPageSize}.
 *
 * <table>
 *   <caption>Wire formats</caption>
 *   <tr><th>style</th><th>request</th><th>response</th><th>end</th></tr>
 *   <tr><td>{@code offset}</td><td>{@code ?offset=0&limit=}</td>
 *       <td>{@code {"data": [...], "total": N}}</td><td>offset + data &gt;= total</td></tr>
 *   <tr><td>{@code page}</td><td>{@code ?page=&per_page=} (first page 0 or 1: {@code firstPage})</td>
 *       <td>{@code {"data", "page", "per_page", "total", "total_pages"}}</td><td>page = last</td></tr>
 *   <tr><td>{@code token}</td><td>{@code ?limit=&page_token=}</td>
 *       <td>{@code {"data", "next_page_token"}}</td><td>token null</td></tr>
 *   <tr><td>{@code keyset}</td><td>{@code ?limit=&after_id=}</td>
 *       <td>{@code {"data"}}</td><td>data shorter than limit</td></tr>
 *   <tr><td>{@code next-url}</td><td>{@code ?limit=}, then the URL given</td>
 *       <td>{@code {"data", "next": "http://host:port/items?cursor=..&limit=.."}}</td><td>next null</td></tr>
 *   <tr><td>{@code link}</td><td>{@code ?limit=}, then the URL given</td>
 *       <td>bare JSON array; header {@code Link: <http://..?cursor=..>; rel="next"}</td><td>no next link</td></tr>
 *   <tr><td>{@code has-more}</td><td>{@code ?limit=&starting_after=<id>}</td>
 *       <td>{@code {"data", "has_more"}}</td><td>has_more false</td></tr>
 * </table>
 *
 * <p>With {@code sort: updated_at}, the keyset-based styles ({@code token}, {@code keyset}, {@code
 * next-url}, {@code link}, {@code has-more}) also accept {@code updated_since=<ISO-8601 instant>}:
 * only records with {@code updated_at >= updated_since} (inclusive) are listed, as an incremental
 * sync asks for them. With {@code sort: id} it answers 400.
 *
 * <p>{@code offset} and {@code page} are computed against the dataset as it is when the request
 * arrives, so inserts before the read position repeat records and deletes skip them. All other
 * styles are keyset-based ("records after id X" in the sort order) and stable under both. Cursors
 * and tokens are opaque base64url strings.
 */
public enum Style {
  OFFSET("offset"),
  PAGE("page"),
  TOKEN("token"),
  KEYSET("keyset"),
  NEXT_URL("next-url"),
  LINK("link"),
  HAS_MORE("has-more");

  private final String wireName;

  Style(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in configuration maps, e.g. {@code next-url}. */
  public String wireName() {
    return wireName;
  }

  static Style fromName(String name) {
    return Arrays.stream(values())
        .filter(s -> s.wireName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown style '"
                        + name
                        + "', expected one of "
                        + Arrays.stream(values()).map(Style::wireName).toList()));
  }
}
