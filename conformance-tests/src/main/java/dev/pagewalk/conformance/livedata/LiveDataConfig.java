package dev.pagewalk.conformance.livedata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a live-data mock serves: the dataset, the pagination {@link Style}, page sizes, sort
 * order, base path, {@link Mutation}s, {@link FaultSpec}s and an optional {@link RateLimit}.
 * Immutable; build it with {@link #builder()} or read it from a parsed YAML/JSON map with {@link
 * #fromMap(Map)}:
 *
 * <pre>{@code
 * dataset: {size: 50, seed: 7, idType: integer}   # idType: integer | string
 * style: offset            # offset | page | token | keyset | next-url | link | has-more
 * pageSize: 10             # default limit / per_page
 * maxPageSize: 100         # larger limits are capped to this
 * firstPage: 1             # page style: number of the first page, 0 or 1
 * sort: id                 # id | updated_at
 * basePath: /items
 * repeatLastPagePastEnd: false   # offset/page: pages past the end return the last page again
 * totalOffset: 0           # offset/page: added to the "total" served (an API whose count is off)
 * rateLimit: {requests: 5, perMillis: 1000}
 * mutations:
 *   - {afterRequest: 2, insertHead: 3}
 *   - {afterRequest: 3, insertTail: 2}
 *   - {afterRequest: 2, delete: [5, 6]}
 *   - {afterRequest: 4, update: [7]}
 * faults:
 *   - {request: 2, status: 503, body: '{"error": "busy"}'}
 *   - {request: 3, status: 429, retryAfter: "2"}
 *   - {request: 4, fault: CONNECTION_RESET_BY_PEER}
 *   - {request: 5, dribble: {chunks: 20, totalMs: 4000}}
 *   - {request: 6, emptyPageWithNext: true}
 *   - {request: 7, truncatedJson: true}
 * oauth:                   # an OAuth2 token endpoint; the data endpoint then needs a bearer token
 *   clientId: app
 *   clientSecret: s3cret
 *   refreshToken: rt-0     # honoured by the refresh_token grant until rotated away
 *   tokenLifetimeSeconds: 3600
 *   rotateRefreshTokens: true
 *   requireBearer: true
 *   tokenPath: /oauth/token
 * nested:                  # organisations, repositories, issues, comments and events: NestedConfig
 *   orgs: 2
 *   repos: [3, 1]
 * }</pre>
 *
 * All keys are optional; the values above other than mutations, faults, rateLimit and oauth are the
 * defaults (within {@code oauth}, clientId and clientSecret are required, refreshToken is optional
 * and the rest are defaults: see {@link OAuthConfig}), except dataset (default {@code {size: 25,
 * seed: 1, idType: integer}}) and firstPage (default 1). Unknown keys are rejected.
 */
public final class LiveDataConfig {
  private final int size;
  private final long seed;
  private final IdType idType;
  private final Style style;
  private final int pageSize;
  private final int maxPageSize;
  private final int firstPage;
  private final SortOrder sort;
  private final String basePath;
  private final boolean repeatLastPagePastEnd;
  private final int totalOffset;
  private final RateLimit rateLimit;
  private final List<Mutation> mutations;
  private final List<FaultSpec> faults;
  private final OAuthConfig oauth;
  private final NestedConfig nested;

  private LiveDataConfig(Builder b) {
    if (b.pageSize < 1 || b.maxPageSize < b.pageSize) {
      throw new IllegalArgumentException(
          "need 1 <= pageSize <= maxPageSize but got " + b.pageSize + " and " + b.maxPageSize);
    }
    if (b.firstPage != 0 && b.firstPage != 1) {
      throw new IllegalArgumentException("firstPage must be 0 or 1 but was " + b.firstPage);
    }
    if (!b.basePath.startsWith("/")) {
      throw new IllegalArgumentException(
          "basePath must start with '/' but was '" + b.basePath + "'");
    }
    size = b.size;
    seed = b.seed;
    idType = b.idType;
    style = b.style;
    pageSize = b.pageSize;
    maxPageSize = b.maxPageSize;
    firstPage = b.firstPage;
    sort = b.sort;
    basePath = b.basePath;
    repeatLastPagePastEnd = b.repeatLastPagePastEnd;
    totalOffset = b.totalOffset;
    rateLimit = b.rateLimit;
    mutations = List.copyOf(b.mutations);
    faults = List.copyOf(b.faults);
    oauth = b.oauth;
    nested = b.nested;
    if (oauth != null && oauth.tokenPath().equals(basePath)) {
      throw new IllegalArgumentException(
          "oauth.tokenPath and basePath are both '" + basePath + "'");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads a config from a map as parsed from YAML or JSON; errors name the offending key. */
  public static LiveDataConfig fromMap(Map<String, ?> map) {
    return ConfigMapReader.read(map);
  }

  public int size() {
    return size;
  }

  public long seed() {
    return seed;
  }

  public IdType idType() {
    return idType;
  }

  public Style style() {
    return style;
  }

  public int pageSize() {
    return pageSize;
  }

  public int maxPageSize() {
    return maxPageSize;
  }

  public int firstPage() {
    return firstPage;
  }

  public SortOrder sort() {
    return sort;
  }

  public String basePath() {
    return basePath;
  }

  public boolean repeatLastPagePastEnd() {
    return repeatLastPagePastEnd;
  }

  /** Added to the {@code total} the offset and page styles serve; 0 = the true count. */
  public int totalOffset() {
    return totalOffset;
  }

  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  public List<Mutation> mutations() {
    return mutations;
  }

  public List<FaultSpec> faults() {
    return faults;
  }

  /** The token endpoint and bearer check, if configured. */
  public Optional<OAuthConfig> oauth() {
    return Optional.ofNullable(oauth);
  }

  /** The nested resources served besides the base path, if configured. */
  public Optional<NestedConfig> nested() {
    return Optional.ofNullable(nested);
  }

  /** A fresh dataset as this config describes it. */
  public Dataset newDataset() {
    return Dataset.generate(size, seed, idType);
  }

  /** Builder with the defaults documented on {@link LiveDataConfig}. Not thread-safe. */
  public static final class Builder {
    private int size = 25;
    private long seed = 1;
    private IdType idType = IdType.INTEGER;
    private Style style = Style.OFFSET;
    private int pageSize = 10;
    private int maxPageSize = 100;
    private int firstPage = 1;
    private SortOrder sort = SortOrder.ID;
    private String basePath = "/items";
    private boolean repeatLastPagePastEnd;
    private int totalOffset;
    private RateLimit rateLimit;
    private final List<Mutation> mutations = new ArrayList<>();
    private final List<FaultSpec> faults = new ArrayList<>();
    private OAuthConfig oauth;
    private NestedConfig nested;

    private Builder() {}

    public Builder dataset(int size, long seed, IdType idType) {
      this.size = size;
      this.seed = seed;
      this.idType = idType;
      return this;
    }

    public Builder size(int size) {
      this.size = size;
      return this;
    }

    public Builder style(Style style) {
      this.style = style;
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    public Builder maxPageSize(int maxPageSize) {
      this.maxPageSize = maxPageSize;
      return this;
    }

    public Builder firstPage(int firstPage) {
      this.firstPage = firstPage;
      return this;
    }

    public Builder sort(SortOrder sort) {
      this.sort = sort;
      return this;
    }

    public Builder basePath(String basePath) {
      this.basePath = basePath;
      return this;
    }

    public Builder totalOffset(int totalOffset) {
      this.totalOffset = totalOffset;
      return this;
    }

    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public Builder mutation(Mutation mutation) {
      mutations.add(mutation);
      return this;
    }

    public Builder fault(FaultSpec fault) {
      faults.add(fault);
      return this;
    }

    public Builder oauth(OAuthConfig oauth) {
      this.oauth = oauth;
      return this;
    }

    public Builder nested(NestedConfig nested) {
      this.nested = nested;
      return this;
    }

    public Builder repeatLastPagePastEnd(boolean repeat) {
      this.repeatLastPagePastEnd = repeat;
      return this;
    }

    public LiveDataConfig build() {
      return new LiveDataConfig(this);
    }
  }
}
