package dev.pagewalk.bench;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The paging styles the server speaks, each with its pagewalk spec. */
enum Style {
  OFFSET,
  TOKEN,
  LINK;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  String specFile() {
    return id() + ".yaml";
  }

  String specText() {
    String resource = "specs/" + specFile();
    try (InputStream in = Style.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Plan plan() {
    return Pagewalk.parse(specFile(), specText());
  }

  static Style of(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
