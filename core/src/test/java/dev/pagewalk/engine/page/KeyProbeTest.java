package dev.pagewalk.engine.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.ResponsePlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a key is taken as the item is decoded, and that it is the key evaluation would give. */
class KeyProbeTest {
  private static ResponsePlan response(String iterate, String key) {
    String spec =
        """
        pagewalk: 1
        name: probe
        baseUrl: http://api.test
        request:
          url: /items
          response:
            iterate: %s
            key: %s
        """
            .formatted(iterate, key);
    return Plan.of(Pagewalk.parse("probe.yaml", spec)).requests().get(0).response();
  }

  @Test
  void aKeyThatIsAPathOfTheItemUnderAnIteratedBodyPathIsProbed() {
    ResponsePlan plan = response("\"{{body.data}}\"", "\"{{item.id}}\"");
    KeyProbe.Decoding d = KeyProbe.decoding(plan);
    assertThat(d.probe()).isNotNull();
    assertThat(plan.bodyShape().toString()).doesNotContain("probed");
    assertThat(d.shape().toString())
        .as("probed at data, not at the root")
        .startsWith("{data=")
        .contains(" probed as sent}");

    KeyProbe p = d.probe();
    assertThat(p.probe(Map.of("id", 12L))).isEqualTo(12L);
    assertThat(p.mark(12L)).isEqualTo(KeySet.fingerprint(12L)).isNotZero();
    assertThat(p.probe("not an object")).isNull();
    assertThat(p.mark(null)).as("a missing key").isZero();
    assertThat(p.mark("")).isZero();
    assertThat(p.mark(KeyProbe.UNREAD)).isZero();
  }

  @Test
  void otherKeysAndIteratesAreEvaluatedAsUsual() {
    Map<String, Object> item = Map.of("id", 1L, "a", 2L, "b", 3L);
    assertThat(
            KeyProbe.decoding(response("\"{{body.data}}\"", "[\"{{item.a}}\", \"{{item.b}}\"]"))
                .probe()
                .probe(item))
        .as("the items are probed to keep them as sent, but no key is read")
        .isSameAs(KeyProbe.UNREAD);
    assertThat(
            KeyProbe.decoding(response("\"{{body.data}}\"", "\"{{item.id + 'x'}}\""))
                .probe()
                .probe(item))
        .isSameAs(KeyProbe.UNREAD);
    assertThat(KeyProbe.decoding(response("\"{{reverse(body.data)}}\"", "\"{{item.id}}\"")).probe())
        .isNull();
  }
}
