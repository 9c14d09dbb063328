package dev.pagewalk.state;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.files.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal on a checkpoint file: an HMAC-SHA256 of the stream's name and the checkpoint's JSON,
 * keyed by the state directory's own key {@value #KEY_FILE}, appended to the JSON as its last field
 * {@code "seal"}. The key is 32 random bytes (as hex), created on the first save, readable by its
 * owner only, and put in place atomically (a link that fails when another run created it first).
 *
 * <p>A checkpoint without a seal is accepted only while the directory has no key (one saved by an
 * earlier pagewalk); the next save creates the key and seals it.
 */
final class CheckpointSeal {
  static final String KEY_FILE = "checkpoints.key";
  private static final Pattern SEAL = Pattern.compile(",\"seal\":\"([0-9a-f]{64})\"}\\s*$");
  private static final HexFormat HEX = HexFormat.of();

  private final Path dir;

  CheckpointSeal(Path dir) {
    this.dir = dir;
  }

  Path keyFile() {
    return dir.resolve(KEY_FILE);
  }

  /** {@code json} (a JSON object) with the seal of {@code stream} as its last field. */
  String seal(String stream, String json) throws IOException {
    String mac = mac(key(true).orElseThrow(), stream, json);
    return json.substring(0, json.lastIndexOf('}')) + ",\"seal\":\"" + mac + "\"}";
  }

  /**
   * The checkpoint JSON of {@code text} once its seal verifies.
   *
   * @throws InputException ({@link ErrorCode#STATE}) when it does not, or has none while the key
   *     exists
   */
  String open(String stream, String text, Path file) throws IOException {
    Matcher m = SEAL.matcher(text);
    Optional<byte[]> key = key(false);
    if (!m.find()) {
      if (key.isPresent()) {
        throw refused(
            file,
            "it carries no seal, but " + keyFile() + " exists, so it was changed outside pagewalk");
      }
      return text;
    }
    if (key.isEmpty()) {
      throw refused(file, "it carries a seal, but its key " + keyFile() + " is missing");
    }
    String json = text.substring(0, m.start()) + "}";
    byte[] expected = HEX.parseHex(mac(key.get(), stream, json));
    if (!MessageDigest.isEqual(expected, HEX.parseHex(m.group(1)))) {
      throw refused(
          file,
          "it does not match its seal (keyed by "
              + keyFile()
              + "), so it was changed outside pagewalk");
    }
    return json;
  }

  private static InputException refused(Path file, String why) {
    return new InputException(
        ErrorCode.STATE,
        "cannot trust the checkpoint " + file + ": " + why + "; start over with --replace");
  }

  private static String mac(byte[] key, String stream, String json) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(("pagewalk checkpoint\n" + stream + "\n").getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  private Optional<byte[]> key(boolean create) throws IOException {
    Path file = keyFile();
    if (!Files.exists(file)) {
      if (!create) {
        return Optional.empty();
      }
      createKey(file);
    }
    String hex;
    try {
      hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw IoErrors.failed("read the checkpoint key", file, e);
    }
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IOException(file + " is not a checkpoint key (64 hex digits)");
    }
    return Optional.of(HEX.parseHex(hex));
  }

  private void createKey(Path file) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path tmp = Files.createTempFile(dir, KEY_FILE, ".tmp", ownerOnly());
    try {
      Files.writeString(tmp, HEX.formatHex(key) + "\n", StandardCharsets.US_ASCII);
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException anotherRunWasFirst) {
        // its key stands
      } catch (UnsupportedOperationException noLinks) {
        if (!Files.exists(file)) {
          Files.move(tmp, file);
        }
      }
    } catch (IOException e) {
      throw IoErrors.failed("create the checkpoint key", file, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
    FileCheckpointStore.syncDirectory(dir);
  }

  private java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new java.nio.file.attribute.FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new java.nio.file.attribute.FileAttribute<?>[0];
  }
}
