package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.spec.SpecReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamReaderTest {
  private final List<Diagnostic> problems = new ArrayList<>();

  private List<ParamDecl> read(String yaml, String at) {
    String spec = yaml + "request: {url: /items, response: {iterate: \"{{body}}\"}}\n";
    return ParamReader.read(SpecReader.read("s.yaml", spec), at, problems);
  }

  @Test
  void readsEachDeclarationInOrderWithItsDefaults() {
    List<ParamDecl> decls =
        read(
            """
        pagewalk: 1
        name: s
        parameters:
          per_page: {type: integer, default: 50, minimum: 1, maximum: 100, description: page size}
          status: {type: string, enum: [open, closed], required: true}
          id: {type: string, pattern: "[0-9]+"}
        """,
            "/parameters");

    assertThat(decls).extracting(ParamDecl::name).containsExactly("per_page", "status", "id");
    ParamDecl perPage = decls.get(0);
    assertThat(perPage.type()).isEqualTo(ParamType.INTEGER);
    assertThat(perPage.defaultValue()).isEqualTo(50L);
    assertThat(perPage.minimum()).isEqualTo(new BigDecimal("1"));
    assertThat(perPage.maximum()).isEqualTo(new BigDecimal("100"));
    assertThat(perPage.description()).isEqualTo("page size");
    assertThat(decls.get(1).type()).isEqualTo(ParamType.STRING);
    assertThat(decls.get(1).required()).isTrue();
    assertThat(decls.get(1).allowed()).containsExactly("open", "closed");
    assertThat(decls.get(2).pattern().pattern()).isEqualTo("[0-9]+");
    assertThat(decls.get(2).secret()).isFalse();
    assertThat(problems).isEmpty();
  }

  @Test
  void readsConnectionValuesAndSecrets() {
    List<ParamDecl> decls =
        read(
            """
        pagewalk: 1
        name: s
        connection:
          token: {type: string, secret: true}
        """,
            "/connection");

    assertThat(decls)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.name()).isEqualTo("token");
              assertThat(d.secret()).isTrue();
              assertThat(d.required()).isFalse();
            });
  }

  @Test
  void refusesAPatternThatCanTakeExponentialTimeSayingWhere() {
    List<ParamDecl> decls =
        read(
            """
        pagewalk: 1
        name: s
        connection:
          host: {type: string, pattern: "(a+)+$"}
        """,
            "/connection");

    assertThat(decls.get(0).pattern()).isNull();
    assertThat(problems)
        .extracting(Diagnostic::headline)
        .containsExactly(
            "s.yaml:4:33: pattern of connection value 'host' repeats a group that repeats itself"
                + " ('(a+)+'): matching can take exponential time");
    assertThat(problems.get(0).hint())
        .isEqualTo("make the inner repetition possessive (a++) or the group atomic ((?>...))");
  }

  @Test
  void reportsAnInvalidPattern() {
    read(
        """
        pagewalk: 1
        name: s
        parameters:
          id: {type: string, pattern: "[0-9"}
        """,
        "/parameters");

    assertThat(problems)
        .extracting(Diagnostic::headline)
        .containsExactly("s.yaml:4:31: invalid pattern: Unclosed character class");
  }
}
