package dev.pagewalk.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the schema's JSON into the tree {@code JsonConfig.MAPPER.readTree} builds (integers as int,
 * long or BigInteger nodes by size, decimals exact), with the streaming parser alone: an {@code
 * ObjectMapper}'s static set-up formats dates, loading calendar and locale data, and was a tenth of
 * {@code pagewalk validate}'s start-up. The schema is pagewalk's own file, so duplicate keys, NaN
 * and the like do not arise.
 */
final class SchemaTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private SchemaTree() {}

  static JsonNode read(InputStream in) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(in)) {
      JsonNode tree = value(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new IOException("more than one JSON value at " + parser.currentLocation());
      }
      return tree;
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("no JSON value");
    }
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        yield array;
      }
      case VALUE_STRING -> new Text(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
    };
  }

  /** A text node whose {@code toString()} is the JSON text a mapper writes, without a mapper. */
  static final class Text extends TextNode {
    Text(String value) {
      super(value);
    }

    @Override
    public String toString() {
      StringBuilder json = new StringBuilder(textValue().length() + 2);
      appendQuoted(json, textValue());
      return json.toString();
    }
  }
}
