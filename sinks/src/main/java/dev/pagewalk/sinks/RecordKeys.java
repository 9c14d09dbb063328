package dev.pagewalk.sinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text a database sink stores as a record's key: the canonical JSON of the key, so keys equal
 * in the spec language are one row — {@code 1}, {@code 1.0} and {@code 1.00} are {@code 1}; {@code
 * "1"} (text) is {@code "1"} with its quotes; a composite key is a JSON array; map entries are
 * sorted by name. A record without a key is stored under {@code sha256:<hex>} of the canonical JSON
 * of its value, which no JSON key text can equal: identical records are then one row, which is what
 * a resumed run repeating a page needs.
 */
public final class RecordKeys {
  private RecordKeys() {}

  /** The stored key of a record: its key's canonical JSON, or a hash of its value without one. */
  public static String of(Object key, Object value) {
    return key != null ? canonical(key) : contentHash(value);
  }

  /** Canonical JSON text of a key or value: {@link dev.pagewalk.json.RecordKeys#canonical}. */
  public static String canonical(Object value) {
    return dev.pagewalk.json.RecordKeys.canonical(value);
  }

  /** {@code sha256:<hex>} of the canonical JSON of a value. */
  public static String contentHash(Object value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical(value).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
