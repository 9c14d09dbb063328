package dev.pagewalk.conformance.livedata;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@link LiveDataConfig} from a YAML/JSON-shaped map; errors start with the key's path. */
final class ConfigMapReader {
  private static final Set<String> TOP =
      Set.of(
          "dataset",
          "style",
          "pageSize",
          "maxPageSize",
          "firstPage",
          "sort",
          "basePath",
          "repeatLastPagePastEnd",
          "totalOffset",
          "rateLimit",
          "mutations",
          "faults",
          "oauth",
          "nested");
  private static final Set<String> FAULT_KINDS =
      Set.of("status", "fault", "dribble", "emptyPageWithNext", "truncatedJson");
  private static final Set<String> MUTATION_KINDS =
      Set.of("insertHead", "insertTail", "delete", "update");

  private ConfigMapReader() {}

  static LiveDataConfig read(Map<String, ?> map) {
    MapNode root = new MapNode("", map, TOP);
    LiveDataConfig.Builder b = LiveDataConfig.builder();
    IdType idType = IdType.INTEGER;
    MapNode dataset = root.map("dataset", Set.of("size", "seed", "idType"));
    if (dataset != null) {
      idType = dataset.has("idType") ? dataset.parse("idType", IdType::fromName) : IdType.INTEGER;
      b.dataset(dataset.intOr("size", 25), dataset.longOr("seed", 1), idType);
    }
    if (root.has("style")) b.style(root.parse("style", Style::fromName));
    if (root.has("sort")) b.sort(root.parse("sort", SortOrder::fromName));
    if (root.has("basePath")) b.basePath(root.string("basePath"));
    b.pageSize(root.intOr("pageSize", 10))
        .maxPageSize(root.intOr("maxPageSize", 100))
        .firstPage(root.intOr("firstPage", 1))
        .repeatLastPagePastEnd(root.boolOr("repeatLastPagePastEnd", false))
        .totalOffset(root.intOr("totalOffset", 0));
    MapNode rate = root.map("rateLimit", Set.of("requests", "perMillis"));
    if (rate != null) {
      b.rateLimit(new RateLimit(rate.intOr("requests", 0), rate.longOr("perMillis", 0)));
    }
    List<MapNode> mutations =
        root.list(
            "mutations", Set.of("afterRequest", "insertHead", "insertTail", "delete", "update"));
    for (MapNode m : mutations) {
      b.mutation(mutation(m, idType));
    }
    for (MapNode f :
        root.list(
            "faults",
            Set.of(
                "request",
                "status",
                "body",
                "retryAfter",
                "retryAfterDateIn",
                "fault",
                "dribble",
                "emptyPageWithNext",
                "truncatedJson"))) {
      b.fault(fault(f));
    }
    MapNode oauth =
        root.map(
            "oauth",
            Set.of(
                "clientId",
                "clientSecret",
                "refreshToken",
                "tokenLifetimeSeconds",
                "rotateRefreshTokens",
                "requireBearer",
                "tokenPath"));
    if (oauth != null) {
      b.oauth(oauth(oauth));
    }
    MapNode nested =
        root.map("nested", Set.of("orgs", "repos", "issues", "comments", "events", "fail"));
    if (nested != null) {
      try {
        b.nested(nested(nested));
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith("live-data config: ")
            ? e
            : new IllegalArgumentException("live-data config: " + e.getMessage(), e);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("live-data config: " + e.getMessage(), e);
    }
  }

  private static OAuthConfig oauth(MapNode o) {
    return new OAuthConfig(
        o.string("clientId"),
        o.string("clientSecret"),
        o.stringOr("refreshToken", null),
        o.longOr("tokenLifetimeSeconds", OAuthConfig.DEFAULT_LIFETIME_SECONDS),
        o.boolOr("rotateRefreshTokens", true),
        o.boolOr("requireBearer", true),
        o.stringOr("tokenPath", OAuthConfig.DEFAULT_TOKEN_PATH));
  }

  private static NestedConfig nested(MapNode n) {
    NestedConfig d = NestedConfig.DEFAULT;
    NestedConfig.Events events = d.events();
    MapNode e = n.map("events", Set.of("from", "count", "every"));
    if (e != null) {
      events =
          new NestedConfig.Events(
              e.has("from") ? e.parse("from", java.time.Instant::parse) : events.from(),
              e.intOr("count", events.count()),
              e.has("every")
                  ? e.parse("every", dev.pagewalk.plan.Durations::parse)
                  : events.every());
    }
    List<NestedConfig.PathFailure> failures = new java.util.ArrayList<>();
    for (MapNode f : n.list("fail", Set.of("path", "status", "body"))) {
      failures.add(
          new NestedConfig.PathFailure(
              f.string("path"), f.requiredInt("status"), f.stringOr("body", null)));
    }
    return new NestedConfig(
        n.intOr("orgs", d.orgs()),
        n.has("repos") ? n.counts("repos") : d.repos(),
        n.has("issues") ? n.counts("issues") : d.issues(),
        n.has("comments") ? n.counts("comments") : d.comments(),
        events,
        failures);
  }

  private static Mutation mutation(MapNode m, IdType idType) {
    int after = m.requiredInt("afterRequest");
    return switch (m.exactlyOne(MUTATION_KINDS)) {
      case "insertHead" -> new Mutation.InsertHead(after, m.requiredInt("insertHead"));
      case "insertTail" -> new Mutation.InsertTail(after, m.requiredInt("insertTail"));
      case "delete" -> new Mutation.Delete(after, m.ids("delete", idType));
      default -> new Mutation.Update(after, m.ids("update", idType));
    };
  }

  private static FaultSpec fault(MapNode f) {
    int request = f.requiredInt("request");
    return switch (f.exactlyOne(FAULT_KINDS)) {
      case "status" ->
          new FaultSpec.Status(
              request,
              f.requiredInt("status"),
              f.stringOr("body", null),
              f.has("retryAfter") ? f.scalarText("retryAfter") : null,
              f.has("retryAfterDateIn") ? f.requiredInt("retryAfterDateIn") : null);
      case "fault" -> new FaultSpec.Wire(request, f.parse("fault", Fault::valueOf));
      case "dribble" -> {
        MapNode d = f.map("dribble", Set.of("chunks", "totalMs"));
        yield new FaultSpec.Dribble(request, d.requiredInt("chunks"), d.requiredInt("totalMs"));
      }
      case "emptyPageWithNext" -> new FaultSpec.EmptyPageWithNext(request);
      default -> new FaultSpec.TruncatedJson(request);
    };
  }
}
