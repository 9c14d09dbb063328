package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * The connector's configuration: the keys every connector has ({@link #BASE}) and, once the spec is
 * known, one key per declared parameter ({@code pagewalk.parameters.<name>}) and connection value
 * ({@code pagewalk.connection.<name>}, a {@link Type#PASSWORD} that Connect masks in its REST API
 * and logs). Immutable.
 */
final class PagewalkConfig extends AbstractConfig {
  static final String SPEC = "pagewalk.spec";
  static final String PARAMETERS = "pagewalk.parameters.";
  static final String CONNECTION = "pagewalk.connection.";
  static final String BASE_URL = "pagewalk.base.url";
  static final String TOPIC_PREFIX = "topic.prefix";
  static final String STATUS_TOPIC = "pagewalk.status.topic";
  static final String POLL_INTERVAL = "pagewalk.poll.interval";
  static final String STREAMS = "pagewalk.streams";
  private static final String GROUP = "pagewalk";

  static final ConfigDef BASE =
      new ConfigDef()
          .define(
              SPEC,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "The pagewalk spec to run: the path of a spec file the worker can read, or the YAML"
                  + " text itself (any value with a line break, or starting with 'pagewalk:')."
                  + " Its declared parameters are set with pagewalk.parameters.<name>, its"
                  + " connection values with pagewalk.connection.<name> (passwords, masked by"
                  + " Connect).",
              GROUP,
              1,
              ConfigDef.Width.LONG,
              "Spec")
          .define(
              BASE_URL,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "Replaces the spec's baseUrl (for another region, tenant host or a mock server).",
              GROUP,
              2,
              ConfigDef.Width.LONG,
              "Base URL")
          .define(
              TOPIC_PREFIX,
              Type.STRING,
              "",
              Importance.HIGH,
              "Records of stream S go to the topic <prefix>S; a spec with one request is one"
                  + " stream, named after the spec.",
              GROUP,
              3,
              ConfigDef.Width.MEDIUM,
              "Topic prefix")
          .define(
              STATUS_TOPIC,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "The topic each finished walk's report (verdict, checks, counts) is written to, in"
                  + " the same transaction as the walk's last page. Default: <prefix>_pagewalk_status.",
              GROUP,
              4,
              ConfigDef.Width.MEDIUM,
              "Status topic")
          .define(
              POLL_INTERVAL,
              Type.STRING,
              "1h",
              PollInterval.VALIDATOR,
              Importance.MEDIUM,
              "How long after a finished sync the next one starts, as 500ms, 30s, 5m, 1h or 1d."
                  + " An incremental spec continues after its watermark; any other spec walks"
                  + " everything again.",
              GROUP,
              5,
              ConfigDef.Width.SHORT,
              "Poll interval")
          .define(
              STREAMS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "The streams whose records are written, separated by commas (default: all). Their"
                  + " parent streams are walked too, for their records' child walks.",
              GROUP,
              6,
              ConfigDef.Width.LONG,
              "Streams")
          .define(
              SpawnConsumer.BOOTSTRAP,
              Type.STRING,
              null,
              SpawnConsumer.ADDRESSES,
              Importance.MEDIUM,
              "The Kafka cluster (host:port[,host:port]) the tasks read the walks handed to them"
                  + " from: a parent's page spawns each child walk for the task its partition"
                  + " hashes to, as a record of <prefix>_pagewalk_positions. Consumer settings"
                  + " (security, max.poll.records) go under pagewalk.kafka.consumer.<name>."
                  + " Unset: the walks a parent spawns run in the parent's task.",
              GROUP,
              7,
              ConfigDef.Width.LONG,
              "Kafka for spawned walks");

  private final Plan plan;

  private PagewalkConfig(Plan plan, Map<String, String> props) {
    super(definition(plan), props);
    this.plan = plan;
  }

  /**
   * The configuration of a connector whose spec has been loaded from {@code props}.
   *
   * @throws org.apache.kafka.common.config.ConfigException when a value is invalid
   */
  static PagewalkConfig of(Plan plan, Map<String, String> props) {
    return new PagewalkConfig(plan, props);
  }

  /** The base keys and one key per input the spec declares. */
  static ConfigDef definition(Plan plan) {
    ConfigDef def = new ConfigDef(BASE);
    int order = 1;
    for (String name : plan.parameterNames()) {
      def.define(
          PARAMETERS + name,
          Type.STRING,
          null,
          Importance.HIGH,
          "The spec's parameter '" + name + "'.",
          "parameters",
          order++,
          ConfigDef.Width.MEDIUM,
          name);
    }
    order = 1;
    for (String name : plan.connectionNames()) {
      def.define(
          CONNECTION + name,
          Type.PASSWORD,
          null,
          Importance.HIGH,
          "The spec's connection value '" + name + "' (masked in Connect's REST API and logs).",
          "connection",
          order++,
          ConfigDef.Width.MEDIUM,
          name);
    }
    return def;
  }

  Plan plan() {
    return plan;
  }

  /** The run's inputs: the parameters and connection values that are set, and the base URL. */
  RunInput input() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (String name : plan.parameterNames()) {
      String value = getString(PARAMETERS + name);
      if (value != null) {
        parameters.put(name, value);
      }
    }
    Map<String, Object> connection = new LinkedHashMap<>();
    for (String name : plan.connectionNames()) {
      Password value = getPassword(CONNECTION + name);
      if (value != null) {
        connection.put(name, value.value());
      }
    }
    RunInput input = RunInput.empty().withParameters(parameters).withConnection(connection);
    String baseUrl = getString(BASE_URL);
    return baseUrl == null || baseUrl.isBlank() ? input : input.withBaseUrl(baseUrl);
  }

  /** The topic the records of the spec's one stream go to. */
  String recordTopic() {
    return getString(TOPIC_PREFIX) + plan.name();
  }

  String topicPrefix() {
    return getString(TOPIC_PREFIX);
  }

  /**
   * The topic of the records that only carry source offsets (of pages without records, the tasks'
   * rosters and their read positions) and of the walks spawned for other tasks.
   */
  String positionsTopic() {
    return getString(TOPIC_PREFIX) + "_pagewalk_positions";
  }

  /** The selected streams; empty: all. */
  List<String> streams() {
    return getList(STREAMS);
  }

  /** Whether the spec has {@code streams} (rather than one request). */
  boolean hasStreams() {
    return !plan.streamNames().equals(List.of(plan.name()));
  }

  /** The cluster the tasks hand spawned walks to each other through; null when not set. */
  String kafkaBootstrap() {
    String value = getString(SpawnConsumer.BOOTSTRAP);
    return value == null || value.isBlank() ? null : value;
  }

  String statusTopic() {
    String topic = getString(STATUS_TOPIC);
    return topic == null || topic.isBlank() ? getString(TOPIC_PREFIX) + "_pagewalk_status" : topic;
  }

  Duration pollInterval() {
    return PollInterval.parse(getString(POLL_INTERVAL));
  }

  /** Keys under the input prefixes that the spec does not declare. */
  static List<String> undeclaredInputs(Plan plan, Map<String, String> props) {
    return props.keySet().stream()
        .filter(
            k ->
                (k.startsWith(PARAMETERS)
                        && !plan.parameterNames().contains(k.substring(PARAMETERS.length())))
                    || (k.startsWith(CONNECTION)
                        && !plan.connectionNames().contains(k.substring(CONNECTION.length()))))
        .sorted()
        .toList();
  }
}
