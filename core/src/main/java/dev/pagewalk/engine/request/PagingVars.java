package dev.pagewalk.engine.request;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code pagination} variable: the number of the page about to be requested (1 for the first
 * request, 2 for the first pagination request), records received so far and the size of the last
 * page — both counted before {@code iterate.condition} filtering.
 */
public final class PagingVars {
  private PagingVars() {}

  public static Map<String, Object> of(long nextPage, long offset, long pageSize) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("page", nextPage);
    m.put("offset", offset);
    m.put("pageSize", pageSize);
    return java.util.Collections.unmodifiableMap(m);
  }
}
