package dev.pagewalk.state;

import java.io.IOException;
import java.util.Optional;

/** Where checkpoints of a stream are kept between runs. Implementations write atomically. */
public interface CheckpointStore {
  Optional<Checkpoint> load(String stream) throws IOException;

  void save(String stream, Checkpoint checkpoint) throws IOException;
}
