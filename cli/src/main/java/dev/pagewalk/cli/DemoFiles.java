package dev.pagewalk.cli;

import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.Mutation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The demo's bundled files: the mock API's config and the two specs. */
final class DemoFiles {
  private DemoFiles() {}

  static String text(String name) {
    try (InputStream in = DemoFiles.class.getResourceAsStream("demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing demo resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> apiMap() {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    return (Map<String, Object>) yaml.load(text("api.yaml"));
  }

  static LiveDataConfig apiConfig() {
    return LiveDataConfig.fromMap(apiMap());
  }

  static LiveDataConfig withStyle(LiveDataConfig config, String style) {
    Map<String, Object> m = new LinkedHashMap<>(apiMap());
    m.put("style", style);
    return LiveDataConfig.fromMap(m);
  }

  /** One line on what the API does while it is paged. */
  static String story(LiveDataConfig config) {
    int head = 0;
    int tail = 0;
    int deleted = 0;
    int updated = 0;
    for (Mutation m : config.mutations()) {
      if (m instanceof Mutation.InsertHead h) {
        head += h.count();
      } else if (m instanceof Mutation.InsertTail t) {
        tail += t.count();
      } else if (m instanceof Mutation.Delete d) {
        deleted += d.ids().size();
      } else if (m instanceof Mutation.Update u) {
        updated += u.ids().size();
      }
    }
    return String.format(
        "%,d orders; while they are paged the API inserts %d at the head and %d"
            + " at the tail, deletes %d and updates %d.",
        config.size(), head, tail, deleted, updated);
  }
}
