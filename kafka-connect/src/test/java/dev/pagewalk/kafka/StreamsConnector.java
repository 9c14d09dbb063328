package dev.pagewalk.kafka;

import java.util.HashMap;
import java.util.Map;

/** The configuration the streams cluster tests create their connectors with. */
final class StreamsConnector {
  private StreamsConnector() {}

  /**
   * A pagewalk connector of {@code spec} against {@code baseUrl}, its topics under {@code prefix},
   * over {@code tasks} tasks, schemaless JSON keys and values, exactly once required with the
   * connector's own transaction boundaries; a mutable map, for the settings a test adds.
   */
  static Map<String, String> exactlyOnce(String spec, String baseUrl, String prefix, int tasks) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", PagewalkSourceConnector.class.getName());
    config.put("tasks.max", Integer.toString(tasks));
    config.put(PagewalkConfig.SPEC, spec);
    config.put(PagewalkConfig.BASE_URL, baseUrl);
    config.put(PagewalkConfig.TOPIC_PREFIX, prefix);
    config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("key.converter.schemas.enable", "false");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "connector");
    return config;
  }
}
