package dev.pagewalk.bench;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.json.RawJsonRecords;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same walks through pagewalk: one spec per style, loaded once, one runner for all runs. With
 * {@code readAhead} (the runner's default) the next page's request is sent while a page is written;
 * without it every request waits for the page before it, as in the hand-written loop.
 */
final class PagewalkSide implements AutoCloseable {
  private static final LimitOverrides UNLIMITED =
      LimitOverrides.NONE
          .withMaxRecords(LimitOverrides.UNLIMITED)
          .withMaxRequests(LimitOverrides.UNLIMITED)
          .withMaxPaginationRequests(LimitOverrides.UNLIMITED);

  private final Runner runner;
  private final boolean identity;
  private final Map<Style, Plan> plans = new EnumMap<>(Style.class);

  /**
   * Over HTTP (the default transport) when {@code memory} is null, else through {@link
   * MemoryTransport}; with {@code identity}, the specs without their {@code output}, each item
   * written as sent, as {@code pagewalk run --out FILE.jsonl} writes it (its bytes copied where
   * they are canonical).
   */
  PagewalkSide(PageServer memory, boolean readAhead, boolean identity) {
    Runner.Builder builder = Runner.builder().readAhead(readAhead);
    this.runner =
        memory == null ? builder.build() : builder.transport(new MemoryTransport(memory)).build();
    this.identity = identity;
    for (Style s : Style.values()) {
      plans.put(
          s,
          identity ? dev.pagewalk.Pagewalk.parse(s.specFile(), Whole.specText(s, true)) : s.plan());
    }
  }

  /**
   * Runs the style's spec and writes each record's value with pagewalk's JSON Lines writer; returns
   * the record count.
   */
  long run(Style style, String baseUrl, int pageSize, JsonLinesSink sink) {
    RunInput input =
        RunInput.empty()
            .withBaseUrl(baseUrl)
            .withParameters(Map.of("limit", (long) pageSize))
            .withLimits(UNLIMITED);
    RunResult result =
        identity
            ? runner.sync(plans.get(style), input, new CopyingSink(sink), SyncMode.APPEND)
            : runner.run(plans.get(style), input, rec -> sink.writePagewalk(rec.value()));
    if (result.failure() != null) {
      throw new IllegalStateException(
          style.id() + ": pagewalk run failed: " + result.stopReason(), result.failure());
    }
    return result.stats().recordsEmitted();
  }

  @Override
  public void close() {
    runner.close();
  }

  /**
   * Writes each page as pagewalk's JSON Lines sink does: a record's JSON as sent where the page
   * holds it, its value encoded otherwise; keeps no checkpoint.
   */
  private record CopyingSink(JsonLinesSink sink) implements RecordSink {
    @Override
    public Optional<Checkpoint> checkpoint(String stream) {
      return Optional.empty();
    }

    @Override
    public void open(String stream, Checkpoint resumeFrom) {}

    @Override
    public void write(List<OutputRecord> records, Checkpoint after) {
      RawJsonRecords sent = records instanceof RawJsonRecords r ? r : null;
      for (int i = 0; i < records.size(); i++) {
        RawJson json = sent == null ? null : sent.rawJson(i);
        if (json != null) {
          sink.writePagewalk(json);
        } else {
          sink.writePagewalk(records.get(i).value());
        }
      }
    }

    @Override
    public void close() {}
  }
}
