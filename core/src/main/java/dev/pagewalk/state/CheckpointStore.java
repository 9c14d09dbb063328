package dev.pagewalk.state;

import java.io.IOException;
import java.util.Optional;

/** Where checkpoints of a stream are kept between runs. Implementations write atomically. */
public interface CheckpointStore {
  Optional<Checkpoint> load(String stream) throws IOException;

  void save(String stream, Checkpoint checkpoint) throws IOException;

  /**
   * Forgets the stream's checkpoint (a run that replaces the stream's data starts over). The
   * default refuses: a store that cannot delete cannot serve a replacing run.
   */
  default void delete(String stream) throws IOException {
    throw new IOException(
        getClass().getSimpleName() + " cannot delete the checkpoint of " + stream);
  }

  /**
   * Takes the exclusive lock a run holds on the stream's state while it writes; the default takes
   * none.
   *
   * @throws IOException naming the holder when another run holds it
   */
  default StateLock lock(String stream) throws IOException {
    return StateLock.none();
  }

  /** Where the stream's checkpoint is, for messages: a file, or what stands for it. */
  default String where(String stream) {
    return "the checkpoint of " + stream;
  }
}
