package dev.pagewalk.kafka;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.Plan;
import dev.pagewalk.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect source connector that runs a pagewalk spec: {@code
 * connector.class=dev.pagewalk.kafka.PagewalkSourceConnector}. A spec with one request is one walk,
 * run by one task; the walks of a spec with streams are spread over up to {@code tasks.max} tasks
 * ({@link TaskShare}), which share the spec's rate limit ({@link RateShare}). {@link #validate}
 * loads the spec, so Connect's REST API shows a broken spec's located diagnostics before anything
 * starts. Exactly-once delivery (KIP-618) is supported when the spec resumes exactly ({@link
 * #exactlyOnceSupport}); the connector defines its transactions: one per page, the walk's last page
 * with its report.
 */
public final class PagewalkSourceConnector extends SourceConnector {
  private static final Logger LOG = LoggerFactory.getLogger(PagewalkSourceConnector.class);
  private static final String EXACTLY_ONCE_SUPPORT = "exactly.once.support";

  private Map<String, String> props;
  private PagewalkConfig config;

  /** Made by Connect. */
  public PagewalkSourceConnector() {}

  @Override
  public String version() {
    return Version.VALUE;
  }

  @Override
  public void start(Map<String, String> props) {
    PagewalkConfig config = configOf(props);
    LOG.info("{}: {}", config.plan().name(), Exactness.of(config.plan()).reason());
    this.props = Map.copyOf(props);
    this.config = config;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return PagewalkSourceTask.class;
  }

  /**
   * One task for a spec with one request (one walk); for a spec with streams, {@code maxTasks}
   * tasks, or as many as the spec's rate limit has requests per period when that is fewer, each
   * told its index and the count.
   */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    int tasks =
        config.hasStreams()
            ? rateShare(props).map(r -> r.tasks(maxTasks)).orElse(Math.max(1, maxTasks))
            : 1;
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      out.add(new TaskShare(i, tasks).config(props));
    }
    return out;
  }

  /** The spec's rate limit; empty when it declares none. */
  static Optional<RateShare> rateShare(Map<String, String> props) {
    return RateShare.of(SpecSource.load(props.get(PagewalkConfig.SPEC)));
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return PagewalkConfig.BASE;
  }

  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config base = super.validate(connectorConfigs);
    ConfigValue spec = valueOf(base, PagewalkConfig.SPEC);
    if (!spec.errorMessages().isEmpty()) {
      return base;
    }
    Plan plan;
    try {
      plan = SpecSource.load(connectorConfigs.get(PagewalkConfig.SPEC));
    } catch (SpecException e) {
      e.diagnostics().stream().map(Diagnostic::format).forEach(spec::addErrorMessage);
      return base;
    } catch (PagewalkException e) {
      spec.addErrorMessage(e.getMessage());
      return base;
    }
    List<String> unknown =
        connectorConfigs.containsKey(PagewalkConfig.STREAMS)
            ? unknownStreams(plan, connectorConfigs.get(PagewalkConfig.STREAMS))
            : List.of();
    if (!unknown.isEmpty()) {
      valueOf(base, PagewalkConfig.STREAMS)
          .addErrorMessage(
              plan.name()
                  + " has no stream "
                  + String.join(", ", unknown)
                  + "; its streams are "
                  + String.join(", ", plan.streamNames()));
    }
    List<ConfigValue> values = new ArrayList<>(base.configValues());
    for (ConfigValue input : PagewalkConfig.definition(plan).validate(connectorConfigs)) {
      if (input.name().startsWith(PagewalkConfig.PARAMETERS)
          || input.name().startsWith(PagewalkConfig.CONNECTION)) {
        values.add(input);
      }
    }
    for (String key : PagewalkConfig.undeclaredInputs(plan, connectorConfigs)) {
      values.add(
          new ConfigValue(
              key, connectorConfigs.get(key), List.of(), List.of(undeclared(plan, key))));
    }
    SpawnConsumer.refused(connectorConfigs)
        .forEach(
            (key, reason) ->
                values.add(
                    new ConfigValue(key, connectorConfigs.get(key), List.of(), List.of(reason))));
    Exactness exactness = Exactness.of(plan);
    if ("required".equalsIgnoreCase(connectorConfigs.get(EXACTLY_ONCE_SUPPORT))
        && exactness.support() != ExactlyOnceSupport.SUPPORTED) {
      spec.addErrorMessage(exactness.reason());
    }
    return new Config(values);
  }

  private static List<String> unknownStreams(Plan plan, String value) {
    List<String> unknown = new ArrayList<>();
    for (String name : value.split(",")) {
      if (!name.isBlank() && !plan.streamNames().contains(name.strip())) {
        unknown.add(name.strip());
      }
    }
    return unknown;
  }

  private static String undeclared(Plan plan, String key) {
    boolean parameter = key.startsWith(PagewalkConfig.PARAMETERS);
    List<String> declared = parameter ? plan.parameterNames() : plan.connectionNames();
    return plan.name()
        + " declares no "
        + (parameter ? "parameter " : "connection value ")
        + key.substring(key.lastIndexOf('.') + 1)
        + (declared.isEmpty() ? "" : "; it declares: " + String.join(", ", declared));
  }

  private static ConfigValue valueOf(Config config, String name) {
    return config.configValues().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /**
   * SUPPORTED when the spec resumes exactly (a cursor, token, link or key position), UNSUPPORTED
   * when it pages by position or cannot be loaded; the reason is logged.
   */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    Plan plan;
    try {
      plan = SpecSource.load(connectorConfig.getOrDefault(PagewalkConfig.SPEC, ""));
    } catch (PagewalkException | IllegalArgumentException e) {
      LOG.warn(
          "exactly-once delivery is unsupported: the spec cannot be loaded: {}", e.getMessage());
      return ExactlyOnceSupport.UNSUPPORTED;
    }
    Exactness exactness = Exactness.of(plan);
    if (exactness.support() == ExactlyOnceSupport.SUPPORTED) {
      LOG.info("exactly-once delivery is supported: {}", exactness.reason());
    } else {
      LOG.warn("exactly-once delivery is unsupported: {}", exactness.reason());
    }
    return exactness.support();
  }

  /** Each page is one transaction; a walk's last page shares its transaction with its report. */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(
      Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.SUPPORTED;
  }

  /**
   * Accepts an operator's change to the committed offsets (Connect's offsets REST API) when each
   * partition names a walk ({@code stream}, {@code walk}) and each offset is a reset (null, or
   * without a checkpoint: the walk starts over) or holds a pagewalk checkpoint.
   *
   * @throws ConnectException naming the partition that is not a walk or the offset that is not a
   *     checkpoint
   */
  @Override
  public boolean alterOffsets(
      Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          if (partition == null
              || !(partition.keySet().equals(Set.of(WalkPosition.STREAM, WalkPosition.WALK))
                  || partition.keySet().equals(Set.of(Roster.TASK))
                  || partition.keySet().equals(SpawnPositions.KEYS))) {
            throw new ConnectException(
                "not a pagewalk source partition: "
                    + partition
                    + "; a partition is {\"stream\": <stream>, \"walk\": <walk>},"
                    + " {\"task\": <index>} or {\"task\": <index>, \"topic\": <topic>,"
                    + " \"partition\": <partition>}");
          }
          if (partition.keySet().equals(SpawnPositions.KEYS)) {
            SpawnPositions.next(partition, offset);
          } else if (partition.containsKey(Roster.TASK)) {
            Roster.fromOffset(partition, offset);
          } else {
            WalkPosition.checkpoint(partition, offset);
          }
        });
    return true;
  }

  /**
   * The configuration of a started connector or task.
   *
   * @throws ConnectException when the spec cannot be loaded, with its diagnostics
   */
  static PagewalkConfig configOf(Map<String, String> props) {
    String value = props.get(PagewalkConfig.SPEC);
    if (value == null || value.isBlank()) {
      throw new ConnectException(PagewalkConfig.SPEC + " is not set");
    }
    Plan plan;
    try {
      plan = SpecSource.load(value);
    } catch (SpecException e) {
      throw new ConnectException(
          String.join("\n", e.diagnostics().stream().map(Diagnostic::format).toList()), e);
    } catch (PagewalkException e) {
      throw new ConnectException(e.getMessage(), e);
    }
    return PagewalkConfig.of(plan, props);
  }
}
