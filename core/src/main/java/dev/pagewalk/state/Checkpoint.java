package dev.pagewalk.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.json.JsonConfig;
import java.util.Map;

/**
 * Everything a run needs to continue after the last durably written page: the next request (paging
 * state), the {@code pagination} variables, {@code temp}, the counters, the run id, the incremental
 * watermark and the spec's content hash. Written together with the page's records (in one
 * transaction where the sink can). {@code status} is {@code running} while there is a next page,
 * {@code complete} after a natural end, {@code truncated} after a cap, {@code failed} when the run
 * failed after the page.
 *
 * @param counters the counts a resumed run continues, by name ({@link
 *     dev.pagewalk.RunStats#savedInCheckpoint})
 * @param sinkPosition where the sink's data ended when the checkpoint was taken (bytes of a JSON
 *     Lines file); -1 when the sink does not need it
 * @param state the incremental state the run started from ({@code state.*} in expressions)
 * @param watermark the largest {@code {cursor, tieBreaker}} delivered so far
 * @param identity the sync the checkpoint belongs to; null in checkpoints saved before identities
 *     existed, which are treated as belonging to an unknown sync (a resume or an incremental
 *     continuation from them is refused)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkpoint(
    int version,
    String spec,
    String specHash,
    String runId,
    Checkpoint.Status status,
    String stopReason,
    long pagesDone,
    long page,
    Map<String, Object> pagination,
    Map<String, Object> temp,
    NextRequest next,
    Map<String, Long> counters,
    Map<String, Object> state,
    Map<String, Object> watermark,
    long sinkPosition,
    String savedAt,
    SyncIdentity identity) {
  /** Where the run stood when the checkpoint was saved; its wire name is what the file holds. */
  public enum Status {
    /** There is a next page; the checkpoint names its request. */
    RUNNING,
    /** The run ended naturally with this page. */
    COMPLETE,
    /** A cap or {@code response.limit} ended the run with this page. */
    TRUNCATED,
    /** The run failed after this page was written (a loop detected, a next request not built). */
    FAILED;

    /** The name in the file: {@code running}, {@code complete}, ... */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status of a wire name; IllegalArgumentException for an unknown one. */
    @JsonCreator
    public static Status fromWireName(String name) {
      for (Status s : values()) {
        if (s.wireName().equals(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown checkpoint status '" + name + "'");
    }

    /**
     * The status of a checkpoint saved with a page after which the run stops ({@code null}: goes
     * on).
     */
    public static Status after(dev.pagewalk.StopReason stop) {
      if (stop == null) {
        return RUNNING;
      }
      return switch (stop.kind()) {
        case NATURAL -> COMPLETE;
        case TRUNCATED -> TRUNCATED;
        case FAILED -> FAILED;
      };
    }

    @Override
    public String toString() {
      return wireName();
    }
  }

  private static final ObjectMapper JSON =
      JsonConfig.builder()
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public Checkpoint withSinkPosition(long position) {
    return new Checkpoint(
        version,
        spec,
        specHash,
        runId,
        status,
        stopReason,
        pagesDone,
        page,
        pagination,
        temp,
        next,
        counters,
        state,
        watermark,
        position,
        savedAt,
        identity);
  }

  public boolean resumable() {
    return status == Status.RUNNING && next != null;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @throws IllegalArgumentException when the text is not a checkpoint
   */
  public static Checkpoint fromJson(String json) {
    try {
      return JSON.readValue(json, Checkpoint.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a pagewalk checkpoint: " + e.getOriginalMessage(), e);
    }
  }
}
