package dev.pagewalk.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Messages for the I/O failures of a sink or checkpoint store that say which operation on which
 * file failed, in plain words: {@code cannot fsync out.jsonl: Invalid argument}. Java's own
 * messages often name only the file ({@code NoSuchFileException}) or only the reason ({@code
 * Invalid argument}).
 */
public final class IoErrors {
  private IoErrors() {}

  /** {@code cannot OPERATION FILE: REASON}, with the cause kept. */
  public static IOException failed(String operation, Path file, IOException cause) {
    return new IOException("cannot " + operation + " " + file + ": " + reason(cause), cause);
  }

  /** The reason alone, without the file names a {@link FileSystemException} repeats. */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException fs) {
      String why =
          fs.getReason() != null
              ? fs.getReason()
              : e instanceof NoSuchFileException
                  ? "no such file or directory"
                  : e instanceof AccessDeniedException
                      ? "permission denied"
                      : e instanceof FileAlreadyExistsException
                          ? "a file is in the way"
                          : e.getClass().getSimpleName();
      return fs.getFile() == null ? why : why + " (" + fs.getFile() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
