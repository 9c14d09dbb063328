package dev.pagewalk.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pagewalk.json.RecordKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a checkpoint and a destination table belong to: a <em>sync</em>. Two runs are the same sync
 * when they have the same name, the same spec (by content hash), the same parameter values (after
 * defaults), the same base URL and the same non-secret connection values. A resumed run, and an
 * incremental run continuing after a watermark, must be the same sync as the run that saved the
 * checkpoint; anything else would mix two queries in one destination.
 *
 * <p>Secret values are never part of it: secret parameters are left out, the base URL holds
 * placeholders where a secret appeared, and the connection is a SHA-256 fingerprint over the values
 * <em>not</em> declared {@code secret: true} only.
 *
 * @param name the sync name ({@link #NAME} form), which keys the table and the checkpoint
 * @param specHash the spec's content hash
 * @param parameters the non-secret parameter values, by name
 * @param baseUrl the base URL the run used (an override, or the spec's evaluated)
 * @param connection the fingerprint of the non-secret connection values
 */
public record SyncIdentity(
    String name,
    String specHash,
    Map<String, Object> parameters,
    String baseUrl,
    String connection) {
  /** A sync name: lower-case letters, digits, {@code -} and {@code _}; at most 63. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  public SyncIdentity {
    parameters =
        parameters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** This identity with another spec hash (to compare the inputs alone). */
  public SyncIdentity withSpecHash(String hash) {
    return new SyncIdentity(name, hash, parameters, baseUrl, connection);
  }

  /**
   * Checks a sync name.
   *
   * @throws IllegalArgumentException naming the rule when it is not one
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "sync name '"
              + name
              + "' is not allowed: use lower-case"
              + " letters, digits, '-' and '_' (at most 63), starting with a letter or digit");
    }
    return name;
  }

  /** The fingerprint of connection values: SHA-256 of their canonical JSON, 16 hex digits. */
  public static String fingerprint(Map<String, Object> nonSecretValues) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  RecordKeys.canonical(new TreeMap<>(nonSecretValues))
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /**
   * What differs from {@code saved} (the identity a checkpoint holds), one phrase each, in the form
   * {@code parameter project: 4 → other}, saved value first; empty when both are the same sync.
   * Values are compared by their canonical JSON, so {@code 2} and {@code 2.0} are equal.
   */
  @JsonIgnore
  public List<String> differencesFrom(SyncIdentity saved) {
    List<String> out = new ArrayList<>();
    if (!Objects.equals(saved.name, name)) {
      out.add("sync name: " + saved.name + " → " + name);
    }
    if (!Objects.equals(saved.specHash, specHash)) {
      out.add("spec: content hash " + abbrev(saved.specHash) + " → " + abbrev(specHash));
    }
    TreeSet<String> names = new TreeSet<>(saved.parameters.keySet());
    names.addAll(parameters.keySet());
    for (String p : names) {
      boolean had = saved.parameters.containsKey(p);
      boolean has = parameters.containsKey(p);
      Object before = saved.parameters.get(p);
      Object now = parameters.get(p);
      if (had != has || !RecordKeys.canonical(before).equals(RecordKeys.canonical(now))) {
        String was = had ? text(before) : "(none)";
        String is = has ? text(now) : "(none)";
        if (was.equals(is)) { // same text, other type: 2 and "2"
          was = RecordKeys.canonical(before);
          is = RecordKeys.canonical(now);
        }
        out.add("parameter " + p + ": " + was + " → " + is);
      }
    }
    if (!Objects.equals(saved.baseUrl, baseUrl)) {
      out.add("base URL: " + saved.baseUrl + " → " + baseUrl);
    }
    if (!Objects.equals(saved.connection, connection)) {
      out.add(
          "connection values (not secret): fingerprint " + saved.connection + " → " + connection);
    }
    return out;
  }

  private static String text(Object value) {
    return value instanceof String s ? s : RecordKeys.canonical(value);
  }

  private static String abbrev(String hash) {
    return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
  }
}
