package dev.pagewalk.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds case folders: every folder holding a {@code case.yaml} under the given roots, sorted by
 * path so runs are reproducible. A case is named by its folder relative to the root it was found
 * under ({@code pagination/total-pages}); a root that is itself a case is named after its folder.
 */
public final class CaseFinder {
  private CaseFinder() {}

  /** A case folder and its display name. */
  public record Found(String name, Path dir) {}

  public static List<Found> find(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Found> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.getFileName().toString().equals(CaseLoader.CASE_FILE))
          .map(Path::getParent)
          .sorted()
          .forEach(dir -> out.add(new Found(name(root, dir), dir)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String name(Path root, Path dir) {
    Path rel = root.relativize(dir);
    String name =
        rel.toString().isEmpty()
            ? dir.toAbsolutePath().normalize().getFileName().toString()
            : rel.toString();
    return name.replace('\\', '/');
  }
}
