package dev.pagewalk.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The plugin archive {@code package} builds ({@code target/pagewalk-kafka-connect-<version>.zip},
 * named by the build in {@code pagewalk.kafka.archive}), unpacked into a folder on a worker's
 * {@code plugin.path} as the module's README installs it.
 */
final class PluginArchive {
  private PluginArchive() {}

  /**
   * Unzips the archive into {@code pluginPath}; returns the component folder it made (the one with
   * {@code manifest.json}, {@code doc/} and {@code lib/}).
   */
  static Path unpack(Path pluginPath) throws IOException {
    Path archive = archive();
    Path root = Files.createDirectories(pluginPath).toRealPath();
    Path component = null;
    try (InputStream in = Files.newInputStream(archive);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new IOException(archive + ": entry " + entry.getName() + " leaves the folder");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
        component = root.resolve(root.relativize(target).getName(0));
      }
    }
    if (component == null || !Files.isDirectory(component.resolve("lib"))) {
      throw new IOException(archive + " holds no <component>/lib/");
    }
    return component;
  }

  /** The file names of the jars in the unpacked component's {@code lib/}. */
  static Set<String> libraries(Path component) throws IOException {
    try (Stream<Path> jars = Files.list(component.resolve("lib"))) {
      return jars.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static Path archive() {
    String value = System.getProperty("pagewalk.kafka.archive");
    if (value == null) {
      throw new IllegalStateException(
          "pagewalk.kafka.archive is not set: run this test through Maven (kafka-connect/pom.xml"
              + " sets it)");
    }
    Path archive = Path.of(value);
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          archive
              + " does not exist: `package` builds it, and this test runs after it, in"
              + " `integration-test` (mvn verify)");
    }
    return archive;
  }
}
