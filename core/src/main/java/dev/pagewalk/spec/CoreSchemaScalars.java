package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Resolves plain (unquoted) scalars by the YAML 1.2 core schema, not SnakeYAML's YAML 1.1 defaults:
 * only true/false are booleans ({@code on}, {@code yes}, {@code n} stay strings), {@code 1:20} and
 * timestamps stay strings, 0o and 0x integers are read. {@code .inf} and {@code .nan} have no JSON
 * value and are refused by the caller (see {@link #isNonFinite}).
 */
final class CoreSchemaScalars {
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL_INT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

  private CoreSchemaScalars() {}

  static boolean isNonFinite(String plain) {
    return NON_FINITE.matcher(plain).matches();
  }

  /** The JSON value of a plain scalar. */
  static JsonNode resolve(String plain) {
    if (NULL.matcher(plain).matches()) {
      return NODES.nullNode();
    }
    if (TRUE.matcher(plain).matches()) {
      return NODES.booleanNode(true);
    }
    if (FALSE.matcher(plain).matches()) {
      return NODES.booleanNode(false);
    }
    if (DECIMAL_INT.matcher(plain).matches()) {
      return integer(new BigInteger(plain.startsWith("+") ? plain.substring(1) : plain));
    }
    if (OCTAL_INT.matcher(plain).matches()) {
      return integer(new BigInteger(plain.substring(2), 8));
    }
    if (HEX_INT.matcher(plain).matches()) {
      return integer(new BigInteger(plain.substring(2), 16));
    }
    if (FLOAT.matcher(plain).matches()) {
      return NODES.numberNode(new BigDecimal(plain.startsWith("+") ? plain.substring(1) : plain));
    }
    return NODES.textNode(plain);
  }

  private static JsonNode integer(BigInteger value) {
    if (value.bitLength() < 32) {
      return NODES.numberNode(value.intValue());
    }
    if (value.bitLength() < 64) {
      return NODES.numberNode(value.longValue());
    }
    return NODES.numberNode(value);
  }
}
