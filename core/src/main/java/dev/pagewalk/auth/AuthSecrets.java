package dev.pagewalk.auth;

import dev.pagewalk.http.Redaction;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The secrets a run's authentication learns as it goes — access and refresh tokens, assertions,
 * client secrets and login passwords — for the run's redaction to mask wherever the run writes
 * text. Only grows; thread-safe.
 */
public final class AuthSecrets {
  private final Set<String> values = new CopyOnWriteArraySet<>();

  /** Masks {@code value} from now on (ignored when null or too short to mask safely). */
  public void add(String value) {
    if (value != null && Redaction.maskable(value)) {
      values.add(value);
    }
  }

  /** The secrets known so far. */
  public Set<String> values() {
    return Set.copyOf(values);
  }
}
