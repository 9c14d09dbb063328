package dev.pagewalk;

import dev.pagewalk.report.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a run of a connector's streams ended ({@link Runner#runStreams}, {@link Runner#syncStreams}):
 * the run's verdict (the weakest of its streams'), and each stream walked, parents first.
 *
 * @param runId the run's correlation id
 * @param spec the spec's name
 * @param verdict the weakest verdict of the streams
 * @param startedAt when the run started
 * @param endedAt when the run ended
 * @param streams each stream walked, parents before children
 */
public record StreamsResult(
    String runId,
    String spec,
    Verdict verdict,
    Instant startedAt,
    Instant endedAt,
    List<StreamResult> streams) {
  public StreamsResult {
    streams = List.copyOf(streams);
  }

  /** The stream called {@code name}, if it was walked. */
  public Optional<StreamResult> stream(String name) {
    return streams.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * One stream of a connector run. It is {@link Verdict#COMPLETE} when its parent stream is and
   * every walk is; otherwise the weakest of those.
   *
   * @param name the stream's name
   * @param parent the parent stream's name; null for none
   * @param selected whether its records were delivered (false: walked only for its children)
   * @param verdict the stream's verdict
   * @param records records delivered by its walks
   * @param requests requests sent by its walks
   * @param walks each walk, in the order they ended
   */
  public record StreamResult(
      String name,
      String parent,
      boolean selected,
      Verdict verdict,
      long records,
      long requests,
      List<WalkResult> walks) {
    public StreamResult {
      walks = List.copyOf(walks);
    }
  }

  /**
   * One walk of a stream: the stream's request run for one parent record, one partition, or once.
   *
   * @param walk which walk: the parent record's key (canonical JSON, or {@code #N} for a parent
   *     without keys), the partition value or window {@code start/end}, or empty for a stream
   *     walked once
   * @param stopReason why the walk ended
   * @param verdict the walk's completeness verdict
   * @param records records it delivered
   * @param requests requests it sent
   * @param failure what failed, when the walk failed; null otherwise
   * @param errorCode the failure's stable code; null when the walk did not fail
   * @param finishedEarlier whether an earlier run of the sync finished the walk (a resumed run
   *     reports it as that run committed it, without walking it again)
   */
  public record WalkResult(
      String walk,
      StopReason stopReason,
      Verdict verdict,
      long records,
      long requests,
      String failure,
      ErrorCode errorCode,
      boolean finishedEarlier) {}
}
