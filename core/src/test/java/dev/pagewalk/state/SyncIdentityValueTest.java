package dev.pagewalk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identity as a value; how runs use it is in the engine's SyncIdentityTest. */
class SyncIdentityValueTest {
  private static final SyncIdentity SAVED =
      new SyncIdentity(
          "orders",
          "0123456789abcdef0123",
          Map.of("project", 4L, "state", "open"),
          "https://api.test/v1",
          "aaaa");

  @Test
  void isTheSameSyncWhenNumbersAreEqualInValue() {
    SyncIdentity now =
        new SyncIdentity(
            "orders",
            "0123456789abcdef0123",
            Map.of("project", new BigDecimal("4.0"), "state", "open"),
            "https://api.test/v1",
            "aaaa");

    assertThat(now.differencesFrom(SAVED)).isEmpty();
  }

  @Test
  void namesEveryDifferenceSavedValueFirst() {
    SyncIdentity now =
        new SyncIdentity(
            "orders-2",
            "fedcba9876543210fedc",
            Map.of("project", "4", "since", "2026-01-01"),
            "https://eu.api.test/v1",
            "bbbb");

    assertThat(now.differencesFrom(SAVED))
        .containsExactly(
            "sync name: orders → orders-2",
            "spec: content hash 0123456789ab → fedcba987654",
            "parameter project: 4 → \"4\"",
            "parameter since: (none) → 2026-01-01",
            "parameter state: open → (none)",
            "base URL: https://api.test/v1 → https://eu.api.test/v1",
            "connection values (not secret): fingerprint aaaa → bbbb");
  }

  @Test
  void fingerprintsConnectionValuesWhateverTheirOrder() {
    String fp = SyncIdentity.fingerprint(Map.of("region", "eu", "account", 7L));

    assertThat(fp).matches("[0-9a-f]{16}");
    assertThat(
            SyncIdentity.fingerprint(
                new java.util.LinkedHashMap<>(Map.of("account", 7L, "region", "eu"))))
        .isEqualTo(fp);
    assertThat(SyncIdentity.fingerprint(Map.of("region", "us", "account", 7L))).isNotEqualTo(fp);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "Orders",
        "-orders",
        "orders.v2",
        "",
        "a234567890123456789012345678901234567890123456789012345678901234"
      })
  void refusesANameThatCannotBeATableName(String name) {
    assertThatThrownBy(() -> SyncIdentity.checkName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sync name '"
                + name
                + "' is not allowed: use lower-case letters, digits, '-'"
                + " and '_' (at most 63), starting with a letter or digit");
  }

  @Test
  void acceptsATableName() {
    assertThat(SyncIdentity.checkName("orders_2-eu")).isEqualTo("orders_2-eu");
  }
}
