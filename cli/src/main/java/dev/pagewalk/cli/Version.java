package dev.pagewalk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The lines {@code pagewalk --version} prints: the version Maven wrote into {@code
 * version.properties} at build time, and the Java that runs it.
 */
final class Version {
  private Version() {}

  static String[] lines() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
      "pagewalk " + p.getProperty("version", "(unknown version)"),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
