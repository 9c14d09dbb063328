package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void printsLikeACompilerWithACaretUnderTheColumn() {
    Diagnostic d =
        new Diagnostic(
            "customers.yaml",
            14,
            7,
            "/request/url",
            "unknown variable 'parms'",
            "  url: {{parms.id}}",
            "did you mean 'parameters'?");

    assertThat(d.headline()).isEqualTo("customers.yaml:14:7: unknown variable 'parms'");
    assertThat(d.format())
        .isEqualTo(
            """
        customers.yaml:14:7: unknown variable 'parms' (at /request/url)
            url: {{parms.id}}
                ^
          hint: did you mean 'parameters'?""");
  }

  @Test
  void keepsTabsSoTheCaretLinesUpUnderTheSourceLine() {
    Diagnostic d = new Diagnostic("s.yaml", 2, 3, null, "bad", "\t\tx: 1", null);

    assertThat(d.format()).isEqualTo("s.yaml:2:3: bad (at /)\n  \t\tx: 1\n  \t\t^");
  }

  @Test
  void leavesOutTheSourceLineAndHintWhenThereAreNone() {
    Diagnostic d = new Diagnostic("s.yaml", 1, 1, "/name", "name is required", null, "");

    assertThat(d.pointer()).isEqualTo("/name");
    assertThat(d.sourceLine()).isEmpty();
    assertThat(d.format()).isEqualTo("s.yaml:1:1: name is required (at /name)");
  }

  @Test
  void needsAFileAndAMessage() {
    assertThatThrownBy(() -> new Diagnostic(null, 1, 1, "", "m", "", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file");
    assertThatThrownBy(() -> new Diagnostic("f", 1, 1, "", null, "", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message");
  }
}
