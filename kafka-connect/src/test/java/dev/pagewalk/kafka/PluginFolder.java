package dev.pagewalk.kafka;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The plugin archive's {@code lib/} laid out in a folder on {@code plugin.path}: the connector's
 * classes as a jar, and the dependencies the archive holds (runtime scope, no SLF4J), which the
 * build resolves into {@code pagewalk.kafka.pluginClasspath} before the tests. A dependency the
 * reactor has not packaged yet (a module's {@code target/classes}) is jarred here.
 */
final class PluginFolder {
  private PluginFolder() {}

  /** The jars of the plugin's {@code lib/}, as the build resolved them. */
  static List<Path> libraries() {
    List<Path> libraries = new ArrayList<>();
    libraries.add(Path.of(property("pagewalk.kafka.classes")));
    for (String entry : property("pagewalk.kafka.pluginClasspath").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        libraries.add(Path.of(entry));
      }
    }
    return libraries;
  }

  /** Writes {@code <pluginPath>/pagewalk-kafka-connect/lib/}; returns the folder it made. */
  static Path write(Path pluginPath) throws IOException {
    Path lib = Files.createDirectories(pluginPath.resolve("pagewalk-kafka-connect").resolve("lib"));
    for (Path library : libraries()) {
      if (Files.isDirectory(library)) {
        // <module>/target/classes becomes <module>.jar
        jar(library, lib.resolve(library.getParent().getParent().getFileName() + ".jar"));
      } else {
        Files.copy(library, lib.resolve(library.getFileName()));
      }
    }
    return lib.getParent();
  }

  private static void jar(Path classes, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set: run this test through Maven (kafka-connect/pom.xml sets it)");
    }
    return value;
  }
}
