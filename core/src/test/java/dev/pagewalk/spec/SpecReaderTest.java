package dev.pagewalk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.SpecException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
  private static final String HEAD = "pagewalk: 1\nname: demo\n";

  static List<Diagnostic> diagnostics(String yaml) {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> SpecReader.read("demo.yaml", yaml));
    assertThat(e).as("expected the spec to be rejected").isNotNull();
    return e.diagnostics();
  }

  static List<String> headlines(String yaml) {
    return diagnostics(yaml).stream().map(Diagnostic::headline).toList();
  }

  static Diagnostic only(String yaml) {
    List<Diagnostic> all = diagnostics(yaml);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Nested
  class AGoodSpec {
    @Test
    void readsFromAFileWithItsTreeAndHash() throws URISyntaxException, IOException {
      Path file = Path.of(getClass().getResource("/spec/stripe-customers.yaml").toURI());
      SpecDocument doc = SpecReader.read(file);
      assertThat(doc.fileName()).isEqualTo(file.toString());
      assertThat(doc.tree().path("name").asText()).isEqualTo("stripe-customers");
      assertThat(doc.plain("/request/response/error/404"))
          .isEqualTo(Map.of("message", "no such customer"));
      assertThat(doc.plain("/retry/on"))
          .isEqualTo(List.of(408L, 425L, 429L, 500L, 502L, 503L, 504L, "io"));
      assertThat(doc.contentHash()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void hashesTheSourceText() {
      String yaml = HEAD + "request: {url: /x}\n";
      assertThat(SpecReader.read("a.yaml", yaml).contentHash())
          .isEqualTo(SpecReader.read("b.yaml", yaml).contentHash())
          .isNotEqualTo(SpecReader.read("a.yaml", yaml + "# changed\n").contentHash());
    }

    @Test
    void acceptsAChainOfRequests() {
      SpecDocument doc =
          SpecReader.read(
              "demo.yaml",
              HEAD + "requests:\n  - url: /token\n    method: POST\n  - url: /items\n");
      assertThat(doc.plain("/requests/1/url")).isEqualTo("/items");
    }
  }

  @Nested
  class FileSize {
    @Test
    void refusesTextOverOneMebibyteBeforeParsing() {
      String yaml = HEAD + "request: {url: /x}\n#" + "x".repeat(1024 * 1024) + "\n";
      assertThat(only(yaml).format())
          .isEqualTo(
              "demo.yaml:1:1: file too large: 1048620 bytes, the limit is 1048576 bytes (1 MiB) (at /)");
    }

    @Test
    void refusesAFileOverOneMebibyte(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("big.yaml");
      Files.writeString(file, "#" + "x".repeat(2 * 1024 * 1024));
      SpecException e = catchThrowableOfType(SpecException.class, () -> SpecReader.read(file));
      assertThat(e.diagnostics())
          .extracting(Diagnostic::message)
          .containsExactly("file too large: 2097153 bytes, the limit is 1048576 bytes (1 MiB)");
    }
  }

  @Nested
  class SafeYaml {
    @Test
    void refusesADuplicateKeyAtTheSecondOne() {
      assertThat(only(HEAD + "request:\n  url: /a\n  method: GET\n  url: /b\n").format())
          .isEqualTo(
              """
              demo.yaml:6:3: duplicate key 'url' (first at line 4) (at /request/url)
                  url: /b
                  ^""");
    }

    @Test
    void refusesAGlobalTagWithoutConstructingAnything() {
      assertThat(only(HEAD + "request:\n  url: !!python/object:os.system /a\n").format())
          .isEqualTo(
              """
              demo.yaml:4:8: YAML tags are not allowed: !!python/object:os.system (at /request/url)
                  url: !!python/object:os.system /a
                       ^
                hint: remove the tag; quote the value if it should be a string""");
    }

    @Test
    void refusesEveryExplicitTagEvenStandardOnes() {
      assertThat(headlines(HEAD + "request: !foo\n  url: !!str /a\n"))
          .containsExactly(
              "demo.yaml:3:10: YAML tags are not allowed: !foo",
              "demo.yaml:4:8: YAML tags are not allowed: !!str");
    }

    @Test
    void refusesMoreThanAHandfulOfAliasesToCollections() {
      String yaml = HEAD + "a: &a [x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
      assertThat(only(yaml).format())
          .isEqualTo(
              """
          demo.yaml:4:45: more than 10 aliases to lists or maps (at /)
            b: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                                                        ^
            hint: write the values out; many aliases can blow up the document (alias bomb)""");
    }

    @Test
    void refusesManyAliasesToOneLongString() {
      String yaml =
          HEAD
              + "x-big: &s "
              + "x".repeat(400_000)
              + "\nx-many: ["
              + "*s, ".repeat(100_000)
              + "*s]\n";
      Diagnostic d = only(yaml);
      assertThat(d.headline())
          .isEqualTo("demo.yaml:4:18: aliases repeat more than 1048576 characters");
      assertThat(d.hint())
          .isEqualTo("write the values out; many aliases to long values can blow up the document");
    }

    @Test
    void acceptsAFewAliasesToShortValues() {
      String yaml =
          HEAD
              + "parameters:\n  size: {type: integer, default: &n 100}\n"
              + "request: {url: &u /items, qs: {limit: *n, from: *u}}\n";
      assertThat(SpecReader.read("demo.yaml", yaml).plain("/request/qs"))
          .isEqualTo(Map.of("limit", 100L, "from", "/items"));
    }

    @Test
    void refusesTheBillionLaughs() {
      StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol]\n");
      for (int i = 1; i < 10; i++) {
        yaml.append("a")
            .append(i)
            .append(": &a")
            .append(i)
            .append(" [")
            .append(("*a" + (i - 1) + ", ").repeat(9))
            .append("*a")
            .append(i - 1)
            .append("]\n");
      }
      assertThat(only(yaml.toString()).message())
          .isEqualTo("more than 10 aliases to lists or maps");
    }

    @Test
    void refusesARecursiveAlias() {
      assertThat(headlines(HEAD + "request:\n  url: /a\n  body: &b {self: *b}\n"))
          .containsExactly("demo.yaml:5:9: recursive alias: a value cannot contain itself");
    }

    @Test
    void refusesMergeKeys() {
      assertThat(headlines(HEAD + "request:\n  <<: {method: GET}\n  url: /a\n"))
          .containsExactly("demo.yaml:4:3: merge keys (<<) are not supported");
    }

    @Test
    void refusesNestingDeeperThanFiftyLevels() {
      String yaml = HEAD + "request: {url: /a, body: " + "[".repeat(60) + "]".repeat(60) + "}\n";
      assertThat(headlines(yaml)).containsExactly("demo.yaml:3:74: nesting deeper than 50 levels");
    }

    @Test
    void refusesInfinityAndNan() {
      assertThat(only(HEAD + "request:\n  url: /a\n  body: .inf\n").format())
          .isEqualTo(
              """
          demo.yaml:5:9: '.inf' is not a number a spec can hold (at /request/body)
              body: .inf
                    ^
            hint: quote it if you mean the text: ".inf\"""");
    }

    @Test
    void keepsSnakeYamlsProblemAndMarkForAnErrorItDoesNotKnow() {
      assertThat(only(HEAD + "request:\n  url: *nope\n").format())
          .isEqualTo(
              """
          demo.yaml:4:8: found undefined alias nope (at /)
              url: *nope
                   ^""");
    }

    @Test
    void namesTheOpenConstructOfAnUnfinishedFlowListAtItsBracket() {
      Diagnostic d = only(HEAD + "request:\n  url: [/a\n");
      assertThat(d.headline())
          .isEqualTo(
              "demo.yaml:4:8: the list opened with '[' at line 4, column 8 is not closed with ']'");
      assertThat(d.hint()).isEqualTo("close it on line 4, or write one item per line as - item");
    }

    @Test
    void refusesMoreThanOneDocument() {
      assertThat(headlines("pagewalk: 1\n---\nname: demo\n"))
          .containsExactly("demo.yaml:2:1: but found another document");
    }

    @Test
    void refusesAnEmptyFile() {
      assertThat(headlines("# nothing\n")).containsExactly("demo.yaml:1:1: the file is empty");
    }
  }

  /**
   * Syntax errors in plain words, at the line where the mistake is rather than where reading
   * failed.
   */
  @Nested
  class PlainSyntaxErrors {
    private static final String START = HEAD + "baseUrl: https://x.invalid\nrequest:\n";

    @Test
    void pointsAtTheOpeningQuoteOfAValueNeverClosed() {
      assertThat(only(START + "  url: \"/items\n  method: GET\n").format())
          .isEqualTo(
              """
          demo.yaml:5:8: a quoted value opened at line 5, column 8 is never closed (at /)
              url: "/items
                   ^
            hint: close it with " on line 5: url: "/items\"""");
    }

    @Test
    void pointsAtTheOpeningQuoteWhenYamlFailsAtALaterQuote() {
      assertThat(
              only(START + "  url: '/items\n  response:\n    iterate: '{{body.data}}'\n").format())
          .isEqualTo(
              """
          demo.yaml:5:8: a quoted value opened at line 5, column 8 is not closed on its line, so YAML reads on to the quote on line 7 (at /)
              url: '/items
                   ^
            hint: close it with ' on line 5: url: '/items'""");
    }

    @Test
    void saysALineIsIndentedDeeperThanAKeyThatHasAValue() {
      assertThat(only(START + "  url: /a\n   method: GET\n").format())
          .isEqualTo(
              """
          demo.yaml:6:4: 'method' is indented deeper than 'url' above it, which already has a value (at /)
               method: GET
               ^
            hint: indent method: by 2 spaces, like url:""");
    }

    @Test
    void saysALineIsIndentedToNoLevel() {
      assertThat(only(START + "  url: /a\n method: GET\n").format())
          .isEqualTo(
              """
          demo.yaml:6:2: line 6 is indented by 1 space, which lines up with no key above it (at /)
             method: GET
             ^
            hint: indent it like the keys it belongs with (0 or 2 spaces above)""");
    }

    @Test
    void saysTabsCannotIndent() {
      assertThat(only(START + "\turl: /a\n").format())
          .isEqualTo(
              """
          demo.yaml:5:1: a tab in the indentation: YAML indents with spaces only (at /)
            \turl: /a
            ^
            hint: replace the tab on line 5 with spaces""");
    }

    @Test
    void pointsAtAKeyWithoutItsColonOnTheLineBefore() {
      assertThat(only(START + "  url /a\n  method: GET\n").format())
          .isEqualTo(
              """
          demo.yaml:5:3: line 5 has no ':' after its key, so YAML reads it and line 6 as one text (at /)
              url /a
              ^
            hint: write url: /a""");
    }

    @Test
    void pointsAtAKeyWithoutItsColonOnTheLastLine() {
      assertThat(only(START + "  url: /a\n  method GET\n").format())
          .isEqualTo(
              """
          demo.yaml:6:3: line 6 has no ':' after its key (at /)
              method GET
              ^
            hint: write method: GET""");
    }

    @Test
    void saysAValueWithAColonMustBeQuoted() {
      assertThat(only(HEAD + "description: Note: read this\n").format())
          .isEqualTo(
              """
          demo.yaml:3:14: a value that contains ': ' must be quoted (at /)
            description: Note: read this
                         ^
            hint: write description: "Note: read this\"""");
    }

    @Test
    void saysTextAfterAClosingQuoteDoesNotBelong() {
      assertThat(only(START + "  url: \"/items\" x\n").headline())
          .isEqualTo("demo.yaml:5:17: text after the closing quote of a value");
    }

    @Test
    void pointsAtTheBraceOfAnUnclosedFlowMap() {
      assertThat(only(START + "  url: /a\n  qs: {a: 1\n  method: GET\n").headline())
          .isEqualTo(
              "demo.yaml:6:7: the map opened with '{' at line 6, column 7 is not closed with '}'");
    }
  }

  @Nested
  class UnquotedExpressions {
    @Test
    void explainsThatYamlReadsBracesAsAMapAndShowsTheFix() {
      assertThat(only(HEAD + "request:\n  url: {{links.next}}\n").format())
          .isEqualTo(
              """
          demo.yaml:4:8: unquoted expression: YAML reads {{...}} as a map; quote it (at /request/url)
              url: {{links.next}}
                   ^
            hint: write url: "{{links.next}}\"""");
    }

    @Test
    void keepsTheSpacingOfTheSourceInTheFix() {
      assertThat(only(HEAD + "request:\n  url: /a\n  qs: {cursor: {{ body.next }}}\n").hint())
          .isEqualTo("write cursor: \"{{ body.next }}\"");
    }

    @Test
    void usesSingleQuotesWhenTheExpressionHoldsDoubleOnes() {
      assertThat(only(HEAD + "request:\n  url: /a\n  condition: {{body.s == \"x\"}}\n").hint())
          .isEqualTo("write condition: '{{body.s == \"x\"}}'");
    }

    @Test
    void showsTheFixWhenTheBracesMakeTheYamlInvalid() {
      assertThat(only(HEAD + "request:\n  url: {{base}}/x\n").format())
          .isEqualTo(
              """
          demo.yaml:4:16: a value that starts with {{ must be quoted: YAML reads { as the start of a map (at /)
              url: {{base}}/x
                           ^
            hint: quote values that start with {{: write url: "{{base}}/x\"""");
    }

    @Test
    void showsTheFixForAnInvalidListItem() {
      assertThat(only(HEAD + "request:\n  url: /a\n  qs:\n    a:\n      - {{a}} and b\n").hint())
          .isEqualTo("quote values that start with {{: write - \"{{a}} and b\"");
    }

    @Test
    void reportsAListItemWithoutAKeyInTheFix() {
      assertThat(only(HEAD + "request:\n  url: /a\n  body: [{{a}}]\n").hint())
          .isEqualTo("write \"{{a}}\"");
    }
  }
}
