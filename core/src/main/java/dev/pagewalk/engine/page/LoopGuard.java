package dev.pagewalk.engine.page;

import dev.pagewalk.spi.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Detects a spec or an API that loops: a request identical to one already sent in this run, the
 * same response body three times in a row, {@value #MAX_EMPTY_PAGES} empty pages in a row, or — for
 * records without a key — the same records on three pages in a row. Remembers a 32-byte digest per
 * request and the last body and page, so memory grows with pages, not records.
 */
public final class LoopGuard {
  /** Empty pages in a row (each after its empty-page retries) that stop a walk. */
  static final int MAX_EMPTY_PAGES = 100;

  /** Pages in a row holding the same records without keys that stop a walk. */
  static final int MAX_SAME_RECORDS = 3;

  private int emptyRun;
  private PageRecords lastKeyless;
  private int sameRecordsRun;
  private final Set<String> sent = new HashSet<>();

  /** One digest for the run (a provider lookup per request costs more than the hashing). */
  private final MessageDigest md = sha256();

  private byte[] lastBody;
  private int sameBodyRun;

  /** Records the request; false when an identical one was already sent. */
  public boolean firstTime(HttpRequest request) {
    md.reset();
    md.update(request.method().getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(request.uri().toString().getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, String> h : request.headers().fields()) {
      md.update((byte) 0);
      md.update(h.getKey().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      md.update((byte) ':');
      md.update(h.getValue().getBytes(StandardCharsets.UTF_8));
    }
    md.update((byte) 1);
    if (request.body() != null) {
      md.update(request.body());
    }
    return sent.add(java.util.HexFormat.of().formatHex(md.digest()));
  }

  /**
   * Records an accepted page's body; returns how many times in a row it has now been seen. Keeps
   * the previous body itself (one page) and compares bytes: exact, and cheaper than hashing.
   */
  public int sameBodyCount(byte[] body) {
    if (Arrays.equals(body, lastBody)) {
      sameBodyRun++;
    } else {
      lastBody = body;
      sameBodyRun = 1;
    }
    return sameBodyRun;
  }

  /** Records an accepted page's size; returns how many empty pages in a row there now are. */
  public int emptyPagesInARow(long received) {
    emptyRun = received == 0 ? emptyRun + 1 : 0;
    return emptyRun;
  }

  /**
   * Records an accepted page's records; returns how many pages in a row now held these same
   * records, when they have no key (0 for keyed or empty pages: keys tell repeats apart).
   */
  public int sameKeylessRecordsCount(PageRecords records) {
    if (records.isEmpty() || records.key(0) != null) {
      lastKeyless = null;
      sameRecordsRun = 0;
      return 0;
    }
    sameRecordsRun = records.sameValues(lastKeyless) ? sameRecordsRun + 1 : 1;
    lastKeyless = records;
    return sameRecordsRun;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
