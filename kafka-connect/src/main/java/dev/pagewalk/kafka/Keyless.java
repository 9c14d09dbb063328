package dev.pagewalk.kafka;

/**
 * Walks spawned by parent records without a key. Such a walk is labelled by its parent's place in
 * the run that met it ({@code #1}, {@code #2}, …), which says nothing about which record it was:
 * two runs (of two tasks, or two batches of handed walks) give the same label to different parents.
 * A keyed walk's label is canonical JSON (a string in quotes, a number, an array or object), so it
 * never starts with {@code #}.
 */
final class Keyless {
  private Keyless() {}

  /** Whether {@code walk} is the label of a walk whose parent record had no key. */
  static boolean label(String walk) {
    return walk.startsWith("#");
  }

  /** Why a handed walk of {@code parentStream} cannot hand on the walks of {@code childStream}. */
  static String cannotHandOff(String parentStream, String childStream) {
    return "the records of stream '"
        + parentStream
        + "' have no key, so the '"
        + childStream
        + "' walks they spawn cannot be handed between tasks: give stream '"
        + parentStream
        + "' a response.key, or leave pagewalk.kafka.bootstrap.servers unset";
  }
}
