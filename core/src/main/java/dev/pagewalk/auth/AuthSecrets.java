package dev.pagewalk.auth;

import dev.pagewalk.http.Redaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The secrets a run's authentication learns as it goes — access and refresh tokens, assertions,
 * client secrets and login passwords — for the run's redaction to mask wherever the run writes
 * text. Lasting secrets only grow; per-request ones (a SigV4 signature, valid for its own request
 * only) are kept for the last {@value #RECENT} requests, so a long run's redaction does not grow
 * with its length. Thread-safe.
 */
public final class AuthSecrets {
  /** How many per-request secrets are kept: every message is about the requests just sent. */
  static final int RECENT = 64;

  private final Set<String> lasting = new LinkedHashSet<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private long version;

  /** Masks {@code value} from now on (ignored when null or too short to mask safely). */
  public synchronized void add(String value) {
    if (value != null && Redaction.maskable(value) && lasting.add(value)) {
      version++;
    }
  }

  /**
   * Masks {@code value}, a secret of one request, while it is among the last {@value #RECENT} such
   * secrets.
   */
  public synchronized void addForOneRequest(String value) {
    if (value != null && Redaction.maskable(value) && !recent.contains(value)) {
      recent.addLast(value);
      if (recent.size() > RECENT) {
        recent.removeFirst();
      }
      version++;
    }
  }

  /** The secrets known now. */
  public synchronized Set<String> values() {
    Set<String> all = new LinkedHashSet<>(lasting);
    all.addAll(recent);
    return Set.copyOf(all);
  }

  /** A number that changes whenever {@link #values()} does. */
  public synchronized long version() {
    return version;
  }
}
