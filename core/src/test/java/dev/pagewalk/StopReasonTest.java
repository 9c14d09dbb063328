package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StopReasonTest {
  @Test
  void wireNamesAreLowerCaseWithHyphens() {
    assertThat(Arrays.stream(StopReason.values()).map(StopReason::wireName))
        .containsExactly(
            "condition-false",
            "empty-page",
            "no-pagination",
            "limit",
            "max-requests",
            "max-pagination-requests",
            "max-records",
            "timeout",
            "loop-detected",
            "error",
            "cancelled");
    assertThat(StopReason.MAX_PAGINATION_REQUESTS).hasToString("max-pagination-requests");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(StopReason.class)
  void readsBackItsOwnWireName(StopReason reason) {
    assertThat(StopReason.fromWireName(reason.wireName())).isSameAs(reason);
  }

  @Test
  void refusesAnUnknownWireNameNamingIt() {
    assertThatThrownBy(() -> StopReason.fromWireName("MAX_RECORDS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown stop reason 'MAX_RECORDS'");
  }

  @Test
  void onlyTheAPIsOwnSignalsEndARunNaturally() {
    assertThat(Arrays.stream(StopReason.values()).filter(r -> r.kind() == StopReason.Kind.NATURAL))
        .containsExactly(
            StopReason.CONDITION_FALSE, StopReason.EMPTY_PAGE, StopReason.NO_PAGINATION);
    assertThat(
            Arrays.stream(StopReason.values()).filter(r -> r.kind() == StopReason.Kind.TRUNCATED))
        .containsExactly(
            StopReason.LIMIT,
            StopReason.MAX_REQUESTS,
            StopReason.MAX_PAGINATION_REQUESTS,
            StopReason.MAX_RECORDS);
  }
}
