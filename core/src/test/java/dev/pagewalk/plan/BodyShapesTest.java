package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import org.junit.jupiter.api.Test;

/** What of a response body a plan decodes: exactly what its expressions can read. */
class BodyShapesTest {
  private static String spec(String response, String extra) {
    return """
        pagewalk: 1
        name: shapes
        baseUrl: http://127.0.0.1:1
        request:
          url: /items
          response:
        %s
          pagination:
            qs: {cursor: "{{body.meta.next}}"}
            condition: "{{body.meta.next}}"
        %s
        """
        .formatted(response.indent(4).stripTrailing(), extra);
  }

  private static String shape(String response, String extra) {
    return Plan.of(Pagewalk.parse("shapes.yaml", spec(response, extra)))
        .requests()
        .get(0)
        .response()
        .bodyShape()
        .toString();
  }

  @Test
  void keepsTheIteratedItemsFieldsThatOutputKeyAndSyncReadAndTheBodyPathsOfPagination() {
    String response =
        """
        iterate: "{{body.data}}"
        key: "{{item.id}}"
        output: {id: "{{item.id}}", city: "{{item.address.city}}", n: "{{length(item.tags)}}", at: "{{item.updated_at}}"}
        """;
    assertThat(shape(response, "sync: {order: [updated_at]}"))
        .isEqualTo("{data={address={city=*}, id=*, tags=*, updated_at=*}, meta={next=*}}");
  }

  @Test
  void withoutOutputTheItemsAreRecordsKeptAsSentDecodedToWhatIsRead() {
    assertThat(shape("iterate: \"{{body.data}}\"\nkey: \"{{item.id}}\"", ""))
        .isEqualTo("{data={id=*} as sent, meta={next=*}}");
    assertThat(shape("iterate: \"{{body.data}}\"\nkey: \"{{get(item, 'id')}}\"", ""))
        .as("an item read whole is decoded whole")
        .isEqualTo("{data=*, meta={next=*}}");
    assertThat(shape("key: \"{{body.meta.next}}\"", ""))
        .as("without iterate the body is the record")
        .isEqualTo("*");
  }

  @Test
  void anItemPassedToAFunctionOrReadThroughIterateIsReadWhole() {
    assertThat(shape("iterate: \"{{body.data}}\"\noutput: {x: \"{{get(item, 'a.b')}}\"}", ""))
        .isEqualTo("{data=*, meta={next=*}}");
    assertThat(
            shape(
                "iterate: \"{{body.data}}\"\noutput: {x: \"{{item.a}}\"}\ntemp: {last: \"{{iterate.container.last.id}}\"}",
                ""))
        .isEqualTo("{data=*, meta={next=*}}");
  }

  @Test
  void anIterateThatIsNotAPlainPathKeepsTheWholeBody() {
    assertThat(
            shape(
                "iterate: \"{{ifempty(body.data, body.items)}}\"\noutput: {x: \"{{item.a}}\"}", ""))
        .isEqualTo("*");
  }

  @Test
  void sanitizedBodyPathsAreKeptSoTheyCanBeMasked() {
    String spec =
        spec("iterate: \"{{body.data}}\"\noutput: {x: \"{{item.a}}\"}", "")
            .replace("  response:", "  log: {sanitize: [response.body.error.token]}\n  response:");
    assertThat(
            Plan.of(Pagewalk.parse("shapes.yaml", spec))
                .requests()
                .get(0)
                .response()
                .bodyShape()
                .toString())
        .isEqualTo("{data={a=*}, error={token=*}, meta={next=*}}");
  }
}
