package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

/** The connector's answers to Connect before any task runs. */
class PagewalkSourceConnectorTest {
  private static final String SPEC_WITH_INPUTS =
      """
      pagewalk: 1
      name: tenant-items
      baseUrl: https://api.example.com
      parameters:
        region: {type: string, required: true}
      connection:
        token: {type: string, secret: true}
      headers:
        Authorization: "Bearer {{connection.token}}"
      request:
        url: /items
        qs: {region: "{{parameters.region}}"}
        response:
          iterate: "{{body.data}}"
      """;

  private static final String SPEC_WITH_STREAMS =
      """
      pagewalk: 1
      name: org-issues
      baseUrl: https://api.example.com
      streams:
        repos:
          request:
            url: /repos
            response: {iterate: "{{body}}", key: "{{item.id}}"}
        issues:
          parent: repos
          request:
            url: "/repos/{{parent.name}}/issues"
            response: {iterate: "{{body}}", key: "{{item.id}}"}
      """;

  private final PagewalkSourceConnector connector = new PagewalkSourceConnector();

  @Test
  void supportsExactlyOnceForACursorSpecOnly() {
    assertThat(
            connector.exactlyOnceSupport(
                Map.of(PagewalkConfig.SPEC, LiveSpecs.token("items", 10, null))))
        .isEqualTo(ExactlyOnceSupport.SUPPORTED);
    assertThat(connector.exactlyOnceSupport(Map.of(PagewalkConfig.SPEC, LiveSpecs.offset("o"))))
        .isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
    assertThat(connector.exactlyOnceSupport(Map.of(PagewalkConfig.SPEC, "no/such/spec.yaml")))
        .isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
  }

  @Test
  void validatesTheSpecsInputsMaskingConnectionValues() {
    Map<String, String> props = new HashMap<>();
    props.put(PagewalkConfig.SPEC, SPEC_WITH_INPUTS);
    props.put("pagewalk.parameters.region", "eu");
    props.put("pagewalk.parameters.regoin", "us");
    props.put("pagewalk.connection.token", "s3cret");

    Config config = connector.validate(props);

    assertThat(value(config, "pagewalk.connection.token").value())
        .isEqualTo(new Password("s3cret"))
        .hasToString("[hidden]");
    assertThat(value(config, "pagewalk.parameters.region").errorMessages()).isEmpty();
    assertThat(value(config, "pagewalk.parameters.regoin").errorMessages())
        .containsExactly("tenant-items declares no parameter regoin; it declares: region");
  }

  @Test
  void acceptsASpecWithStreamsAndNamesASelectedStreamItDoesNotHave() {
    Config all = connector.validate(Map.of(PagewalkConfig.SPEC, SPEC_WITH_STREAMS));
    Config unknown =
        connector.validate(
            Map.of(PagewalkConfig.SPEC, SPEC_WITH_STREAMS, PagewalkConfig.STREAMS, "issues,pulls"));

    assertThat(all.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
    assertThat(value(unknown, PagewalkConfig.SPEC).errorMessages()).isEmpty();
    assertThat(value(unknown, PagewalkConfig.STREAMS).errorMessages())
        .containsExactly("org-issues has no stream pulls; its streams are repos, issues");
  }

  @Test
  void validatesTheKafkaAddressAndConsumerSettingsForSpawnedWalks() {
    Map<String, String> props = new HashMap<>();
    props.put(PagewalkConfig.SPEC, SPEC_WITH_STREAMS);
    props.put("pagewalk.kafka.bootstrap.servers", "broker-1:9092,broker-2");
    props.put("pagewalk.kafka.consumer.security.protocol", "SSL");
    props.put("pagewalk.kafka.consumer.isolation.level", "read_uncommitted");
    props.put("pagewalk.kafka.consumer.retries.max", "3");

    Config config = connector.validate(props);
    Config good =
        connector.validate(
            Map.of(
                PagewalkConfig.SPEC,
                SPEC_WITH_STREAMS,
                "pagewalk.kafka.bootstrap.servers",
                "broker-1:9092, broker-2:9093"));

    assertThat(value(config, "pagewalk.kafka.bootstrap.servers").errorMessages())
        .containsExactly(
            "Invalid value broker-1:9092,broker-2 for configuration"
                + " pagewalk.kafka.bootstrap.servers: 'broker-2' is not host:port");
    assertThat(config.configValues())
        .filteredOn(v -> v.name().startsWith("pagewalk.kafka.consumer."))
        .extracting(v -> v.name() + ": " + String.join("; ", v.errorMessages()))
        .containsExactly(
            "pagewalk.kafka.consumer.isolation.level: isolation.level is set by the connector;"
                + " remove pagewalk.kafka.consumer.isolation.level",
            "pagewalk.kafka.consumer.retries.max: retries.max is not a Kafka consumer setting");
    assertThat(good.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
  }

  @Test
  void spreadsASpecWithStreamsOverTasksMaxTasksEachToldItsIndex() {
    connector.start(Map.of(PagewalkConfig.SPEC, SPEC_WITH_STREAMS));

    List<Map<String, String>> tasks = connector.taskConfigs(3);

    assertThat(tasks)
        .extracting(TaskShare::of)
        .containsExactly(new TaskShare(0, 3), new TaskShare(1, 3), new TaskShare(2, 3));
    assertThat(tasks)
        .allSatisfy(t -> assertThat(t).containsEntry(PagewalkConfig.SPEC, SPEC_WITH_STREAMS));
  }

  @Test
  void makesNoMoreTasksThanTheRateLimitHasRequestsPerPeriod() {
    String spec =
        SPEC_WITH_STREAMS.replace("streams:", "rateLimit: {requests: 2, per: 1s}\nstreams:");
    connector.start(Map.of(PagewalkConfig.SPEC, spec));

    assertThat(connector.taskConfigs(5))
        .extracting(TaskShare::of)
        .containsExactly(new TaskShare(0, 2), new TaskShare(1, 2));
  }

  @Test
  void makesOneTaskForASpecWithOneRequest() {
    connector.start(Map.of(PagewalkConfig.SPEC, LiveSpecs.token("items", 10, null)));

    assertThat(connector.taskConfigs(4))
        .extracting(TaskShare::of)
        .containsExactly(new TaskShare(0, 1));
  }

  @Test
  void acceptsAResetOrACheckpointAsAWalksOffset() {
    Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
    offsets.put(WalkPosition.partition("items", ""), null);
    offsets.put(WalkPosition.partition("other", ""), Map.of());
    offsets.put(Roster.partition(2), null);

    assertThat(connector.alterOffsets(Map.of(), offsets)).isTrue();
  }

  @Test
  void refusesToAlterAnOffsetThatIsNotAWalks() {
    ConnectException partition =
        catchThrowableOfType(
            ConnectException.class,
            () -> connector.alterOffsets(Map.of(), Map.of(Map.of("table", "x"), Map.of())));
    ConnectException offset =
        catchThrowableOfType(
            ConnectException.class,
            () ->
                connector.alterOffsets(
                    Map.of(),
                    Map.of(WalkPosition.partition("items", ""), Map.of("checkpoint", "{]"))));

    assertThat(partition.getMessage())
        .isEqualTo(
            "not a pagewalk source partition: {table=x}; a partition is {\"stream\": <stream>,"
                + " \"walk\": <walk>}, {\"task\": <index>} or {\"task\": <index>, \"topic\":"
                + " <topic>, \"partition\": <partition>}");
    assertThat(offset.getMessage())
        .startsWith(
            "the source offset of {stream=items, walk=} is not a pagewalk checkpoint: not a pagewalk checkpoint: ");
  }

  private static ConfigValue value(Config config, String name) {
    List<ConfigValue> values = config.configValues();
    return values.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }
}
