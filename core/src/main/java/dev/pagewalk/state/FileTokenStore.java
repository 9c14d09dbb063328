package dev.pagewalk.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.files.IoErrors;
import dev.pagewalk.json.JsonConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens as files {@code DIR/<key>.tokens.json} beside the checkpoints of {@code --state DIR}, one
 * per key, the key made safe for a file name ({@code %XX} for anything but letters, digits, {@code
 * -} and {@code _}). A save writes and fsyncs a temporary file created with mode 0600 (on POSIX
 * file systems: never readable by others, not even for an instant), renames it over the old file
 * and fsyncs the directory: a crash leaves the old tokens or the new ones, never a torn file. A
 * directory the store creates gets mode 0700. A file that is readable by others, not JSON, or not
 * tokens is refused with a {@link ErrorCode#STATE} failure naming it; no message carries a token.
 *
 * <p>Thread-safe for different keys; one key is saved by one refresh at a time (the caller's lock).
 */
public final class FileTokenStore implements TokenStore {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path dir;

  /** A store in {@code dir}, created on the first save if missing. */
  public FileTokenStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The file that holds the tokens of {@code key}. */
  public Path file(String key) {
    return dir.resolve(TokenFileNames.of(key));
  }

  @Override
  public Optional<SavedTokens> load(String key) {
    Path f = file(key);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      refuseIfOthersCanRead(f);
      bytes = Files.readAllBytes(f);
    } catch (IOException e) {
      throw new RunFailureException(
          ErrorCode.STATE, "cannot read the saved tokens " + f + ": " + IoErrors.reason(e), e);
    }
    return Optional.of(parse(f, bytes));
  }

  @Override
  public void save(String key, SavedTokens tokens) {
    Objects.requireNonNull(tokens, "tokens");
    Path target = file(key);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      createDirectory();
      Files.deleteIfExists(tmp);
      write(tmp, json(tokens));
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new RunFailureException(
          ErrorCode.STATE, "cannot save the tokens " + target + ": " + IoErrors.reason(e), e);
    }
    FileCheckpointStore.syncDirectory(dir);
  }

  private void createDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      if (POSIX) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      } else {
        Files.createDirectories(dir);
      }
    }
  }

  private static void write(Path tmp, byte[] bytes) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileAttribute<?>[] attributes =
        POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    try (FileChannel ch = FileChannel.open(tmp, options, attributes)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  private static void refuseIfOthersCanRead(Path f) throws IOException {
    if (!POSIX) {
      return;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(f);
    if (mode.contains(PosixFilePermission.GROUP_READ)
        || mode.contains(PosixFilePermission.OTHERS_READ)) {
      throw new RunFailureException(
          ErrorCode.STATE,
          "the saved tokens "
              + f
              + " are readable by others (mode "
              + PosixFilePermissions.toString(mode)
              + "): make the file readable by its owner only (chmod 600) after checking who has"
              + " read it, or delete it");
    }
  }

  private static byte[] json(SavedTokens tokens) {
    ObjectNode node = JsonConfig.MAPPER.createObjectNode();
    node.put("refreshToken", tokens.refreshToken());
    node.put("accessToken", tokens.accessToken());
    node.put("expiresAt", tokens.expiresAt() == null ? null : tokens.expiresAt().toString());
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static SavedTokens parse(Path f, byte[] bytes) {
    JsonNode node;
    try {
      node = JsonConfig.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the text it stumbled on, which may be a token: neither it nor the
      // exception goes on
      JsonLocation at = e.getLocation();
      throw invalid(
          f,
          "not JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          null);
    } catch (IOException e) {
      throw invalid(f, "not JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw invalid(f, "not a JSON object", null);
    }
    return new SavedTokens(
        text(f, node, "refreshToken"), text(f, node, "accessToken"), instant(f, node));
  }

  private static String text(Path f, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(f, field + " is not a string", null);
    }
    return v.textValue();
  }

  private static Instant instant(Path f, JsonNode node) {
    String text = text(f, node, "expiresAt");
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(f, "expiresAt is not an ISO-8601 instant such as 2026-01-31T12:00:00Z", null);
    }
  }

  private static RunFailureException invalid(Path f, String why, Throwable cause) {
    return new RunFailureException(
        ErrorCode.STATE,
        "the saved tokens "
            + f
            + " are not valid: "
            + why
            + "; delete the file to start again from the configured credentials",
        cause);
  }

  @Override
  public String toString() {
    return "FileTokenStore[" + dir + "]";
  }
}
