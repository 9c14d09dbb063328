package dev.pagewalk.engine;

import dev.pagewalk.RunStats;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.request.SecretPlaceholders;
import dev.pagewalk.http.Origin;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.NextRequest;
import dev.pagewalk.state.SyncIdentity;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the checkpoint that follows an accepted page. */
final class Checkpoints {
  private final RunContext run;
  private final SecretPlaceholders secrets;
  private final SyncIdentity identity;
  private Map<String, Object> walkStartTemp = Map.of();

  /** {@code identity} is the sync the checkpoints belong to (null outside a sync). */
  Checkpoints(RunContext run, SecretPlaceholders secrets, SyncIdentity identity) {
    this.run = run;
    this.secrets = secrets;
    this.identity = identity;
  }

  void walkStarted(Map<String, Object> temp) {
    this.walkStartTemp = Map.copyOf(nonNull(temp));
  }

  /**
   * The checkpoint saved with page {@code pageNumber}, whose {@code delivered} records the run's
   * stats do not hold yet: they count a page once the destination took it, and this checkpoint is
   * what the destination takes with it.
   */
  Checkpoint after(
      long pageNumber, StopReason stop, HttpRequest next, List<Object> watermark, long delivered) {
    RunStats after = run.tally.now().plusWritten(1, delivered);
    return new Checkpoint(
        1,
        run.plan.name(),
        run.plan.contentHash(),
        run.runId,
        Checkpoint.Status.after(stop),
        stop == null ? null : stop.wireName(),
        after.pages(),
        pageNumber + 1,
        stop == null ? run.state.pagination() : null,
        stop == null ? tempChanges() : null,
        stop == null ? nextRequest(next) : null,
        after.savedInCheckpoint(),
        run.state.state(),
        watermark == null ? null : pair(watermark),
        -1,
        run.clock.instant().toString(),
        identity);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> tempChanges() {
    Map<String, Object> changed = new LinkedHashMap<>();
    run.state
        .temp()
        .forEach(
            (k, v) -> {
              if (!Objects.equals(walkStartTemp.get(k), v)) {
                changed.put(k, v);
              }
            });
    return (Map<String, Object>) secrets.hideIn(changed);
  }

  private NextRequest nextRequest(HttpRequest next) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> recompute = new ArrayList<>();
    for (Map.Entry<String, String> h : next.headers().fields()) {
      if (Origin.isCredentialHeader(h.getKey()) || secrets.containsSecret(h.getValue())) {
        recompute.add(h.getKey());
      } else {
        headers.put(h.getKey(), h.getValue());
      }
    }
    String body =
        next.body() == null
            ? null
            : Base64.getEncoder()
                .encodeToString(
                    secrets
                        .hide(new String(next.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new NextRequest(
        next.method(), relative(secrets.hide(next.uri().toString())), body, headers, recompute);
  }

  /**
   * A URL under the sync's base URL as {@code {{baseUrl}}/rest}, resolved against the base URL of
   * the resumed run; any other URL (another origin, no sync) as it is.
   */
  private String relative(String url) {
    String base = identity == null ? null : identity.baseUrl();
    if (base == null || base.isEmpty() || !url.startsWith(base)) {
      return url;
    }
    String rest = url.substring(base.length());
    boolean under = rest.isEmpty() || base.endsWith("/") || "/?#".indexOf(rest.charAt(0)) >= 0;
    return under ? NextRequest.BASE_URL + rest : url;
  }

  private static Map<String, Object> pair(List<Object> watermark) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cursor", watermark.get(0));
    m.put("tieBreaker", watermark.get(1));
    return m;
  }

  private static Map<String, Object> nonNull(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }
}
