package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {
  @Test
  void wireNamesAreLowerCaseWithHyphens() {
    assertThat(ErrorCode.MISSING_KEY.wireName()).isEqualTo("missing-key");
    assertThat(ErrorCode.ITERATE_NOT_LIST).hasToString("iterate-not-list");
    assertThat(ErrorCode.SPEC.wireName()).isEqualTo("spec");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ErrorCode.class)
  void readsBackItsOwnWireName(ErrorCode code) {
    assertThat(code.wireName()).matches("[a-z]+(-[a-z]+)*");
    assertThat(ErrorCode.fromWireName(code.wireName())).isSameAs(code);
  }

  @Test
  void refusesAnUnknownWireNameNamingIt() {
    assertThatThrownBy(() -> ErrorCode.fromWireName("missing_key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown error code 'missing_key'");
  }
}
