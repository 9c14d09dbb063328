package dev.pagewalk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.json.JsonConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema read without an ObjectMapper is the tree the mapper reads, node class by class. */
class SchemaTreeTest {
  @Test
  void readsTheSpecSchemaAsTheMapperDoes() throws IOException {
    try (InputStream a = resource();
        InputStream b = resource()) {
      assertThat(nodes(SchemaTree.read(a))).isEqualTo(nodes(JsonConfig.MAPPER.readTree(b)));
    }
  }

  @Test
  void keepsEveryNumberFormAndTheOrderOfKeys() throws IOException {
    String json =
        "{\"z\":1,\"a\":[2147483648,-9223372036854775809,12.30,1E+3,-0.0,0],"
            + "\"m\":{\"t\":true,\"f\":false,\"n\":null,\"s\":\"\\u00e9\\n\"}}";
    List<String> nodes = nodes(SchemaTree.read(bytes(json)));
    assertThat(nodes).isEqualTo(nodes(JsonConfig.MAPPER.readTree(json)));
    assertThat(nodes)
        .containsExactly(
            " ObjectNode",
            "/z IntNode 1",
            "/a ArrayNode",
            "/a/0 LongNode 2147483648",
            "/a/1 BigIntegerNode -9223372036854775809",
            "/a/2 DecimalNode 12.30",
            "/a/3 DecimalNode 1E+3",
            "/a/4 DecimalNode 0.0",
            "/a/5 IntNode 0",
            "/m ObjectNode",
            "/m/t BooleanNode true",
            "/m/f BooleanNode false",
            "/m/n NullNode null",
            "/m/s TextNode é\n");
  }

  @Test
  void textNodesWriteTheJsonTextAMapperWrites() throws IOException {
    StringBuilder everyChar = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      everyChar.append(c);
    }
    String[] texts = {
      "", "plain", "quote \" and \\ back", "\u2028 \uD83D\uDE00 é", everyChar.toString()
    };
    for (String text : texts) {
      JsonNode node = new SchemaTree.Text(text);
      assertThat(node.toString()).isEqualTo(JsonConfig.MAPPER.writeValueAsString(text));
      assertThat(node).isEqualTo(JsonConfig.MAPPER.getNodeFactory().textNode(text));
      assertThat(JsonConfig.MAPPER.getNodeFactory().textNode(text)).isEqualTo(node);
    }
    try (InputStream in = resource()) {
      List<JsonNode> schemaTexts = new ArrayList<>();
      texts(SchemaTree.read(in), schemaTexts);
      assertThat(schemaTexts).hasSizeGreaterThan(100);
      for (JsonNode text : schemaTexts) {
        assertThat(text.toString()).isEqualTo(JsonConfig.MAPPER.writeValueAsString(text.asText()));
      }
    }
  }

  @Test
  void refusesTextAfterTheValue() {
    assertThatThrownBy(() -> SchemaTree.read(bytes("{} []")))
        .hasMessageStartingWith("more than one JSON value at ");
  }

  private static void texts(JsonNode node, List<JsonNode> out) {
    if (node.isTextual()) {
      out.add(node);
    }
    node.forEach(child -> texts(child, out));
  }

  private static InputStream resource() {
    return SchemaTree.class.getClassLoader().getResourceAsStream(SpecSchema.RESOURCE);
  }

  private static InputStream bytes(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Every node as "pointer class text", in document order. */
  private static List<String> nodes(JsonNode tree) {
    List<String> out = new ArrayList<>();
    walk("", tree, out);
    return out;
  }

  private static void walk(String pointer, JsonNode node, List<String> out) {
    // the schema's text nodes are a subclass that writes itself; the node kind is the same
    String kind = node.isTextual() ? "TextNode" : node.getClass().getSimpleName();
    out.add(pointer + " " + kind + (node.isContainerNode() ? "" : " " + node.asText()));
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        walk(pointer + "/" + field.getKey(), field.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(pointer + "/" + i, node.get(i), out);
      }
    }
  }
}
