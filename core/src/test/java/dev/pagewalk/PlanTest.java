package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an embedder sees of a loaded spec, and that a runner runs only plans pagewalk made. */
class PlanTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: items
      title: Items of the shop
      baseUrl: "https://{{connection.host}}/api"
      parameters:
        per_page: {type: integer, default: 50}
        since: {type: string, required: false}
      connection:
        token: {type: string, secret: true}
        host: {type: string, default: example.invalid}
      headers:
        Authorization: "Bearer {{connection.token}}"
      request:
        url: /items
        qs:
          limit: "{{parameters.per_page}}"
        response:
          iterate: "{{body.data}}"
      """;

  private final Plan plan = Pagewalk.parse("items.yaml", SPEC);

  @Test
  void namesTheSpecAndItsFile() {
    assertThat(plan.name()).isEqualTo("items");
    assertThat(plan.title()).isEqualTo("Items of the shop");
    assertThat(plan.fileName()).isEqualTo("items.yaml");
  }

  @Test
  void hashesTheSpecText() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(SPEC.getBytes(StandardCharsets.UTF_8));
    assertThat(plan.contentHash()).isEqualTo(HexFormat.of().formatHex(digest));
  }

  @Test
  void listsTheDeclaredInputNamesInOrder() {
    assertThat(plan.parameterNames()).containsExactly("per_page", "since");
    assertThat(plan.connectionNames()).containsExactly("token", "host");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no pagination              | ''                                                 | false
          next-page token            | 'qs: {page_token: "{{body.next_page_token}}"}'     | false
          next URL                   | 'url: "{{body.next}}"'                             | false
          offset                     | 'qs: {offset: "{{pagination.offset}}"}'            | true
          page number                | 'qs: {page: "{{pagination.page}}"}'                | true
          page number in the URL     | 'url: "/items/p{{pagination.page}}"'               | true
          page size read, not sent   | 'condition: "{{pagination.pageSize == 50}}"'       | false
          """)
  void tellsWhetherPagesAreAskedForByPosition(String paging, String block, boolean expected) {
    String spec = SPEC + (block.isEmpty() ? "" : "  pagination:\n    " + block + "\n");
    assertThat(Pagewalk.parse("items.yaml", spec).pagesByPosition()).isEqualTo(expected);
  }

  @Test
  void hasNoTitleWhenTheSpecDeclaresNone() {
    Plan untitled = Pagewalk.parse("items.yaml", SPEC.replace("title: Items of the shop\n", ""));
    assertThat(untitled.title()).isNull();
  }

  @Test
  void refusesAPlanNotLoadedByPagewalkBeforeAnyRequest() {
    Plan foreign =
        new Plan() {
          @Override
          public String name() {
            return "items";
          }

          @Override
          public String title() {
            return null;
          }

          @Override
          public String fileName() {
            return "items.yaml";
          }

          @Override
          public String contentHash() {
            return "0";
          }

          @Override
          public List<String> parameterNames() {
            return List.of();
          }

          @Override
          public List<String> connectionNames() {
            return List.of();
          }

          @Override
          public boolean pagesByPosition() {
            return false;
          }
        };
    try (Runner runner = Runner.builder().readAhead(false).build()) {
      InputException e =
          catchThrowableOfType(
              InputException.class, () -> runner.run(foreign, RunInput.empty(), r -> {}));
      assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
      assertThat(e.getMessage())
          .isEqualTo(
              "not a plan loaded by Pagewalk.load or Pagewalk.parse: dev.pagewalk.PlanTest$1");
    }
  }
}
