package dev.pagewalk.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pagewalk.json.PlainNumbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into plain data in a single pass: LinkedHashMap,
 * ArrayList, String, Long (BigInteger when larger), BigDecimal, Boolean, null. The parser's stream
 * constraints (nesting depth, string length) still apply, and so does a {@link DecodeBudget}
 * (elements per array, estimated heap), and a decimal too large to write out in full ({@link
 * PlainNumbers}) is refused. An object in an array gets a map sized for as many fields as its
 * previous sibling had: the records of a page usually have the same fields, so their maps are built
 * without rehashing. Decoded in part (with a {@link Shape}), the objects of an array are {@link
 * FieldMap}s instead: the parts kept are read by paths only, never whole. The objects of a probed
 * array that are decoded whole also get their byte range in the body ({@link ProbedList}), when the
 * parser reads bytes and the object repeats no field name. The objects of a probed array of records
 * kept as sent ({@link Shape#asSentItems}) are decoded in part with their byte range, noting a
 * field name repeated anywhere in them, skipped parts included; where the parser reads no bytes
 * they are decoded whole.
 */
final class PlainJson {
  private PlainJson() {}

  /**
   * Reads one value keeping only what {@code shape} names; skipped parts are still parsed (and must
   * be valid JSON).
   */
  static Object read(JsonParser p, Shape shape, DecodeBudget budget) throws IOException {
    return read(p, shape, budget, null);
  }

  /**
   * {@link #read(JsonParser, Shape, DecodeBudget)}, where an array of records kept as sent ({@link
   * Shape#asSentItems}) decodes its objects in part when {@code sent} can decode them whole later
   * (null: every such array's elements are decoded whole).
   */
  static Object read(JsonParser p, Shape shape, DecodeBudget budget, ItemBytes sent)
      throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return null;
    }
    Object value = shape.all() ? value(p, t, 0, budget) : shaped(p, t, shape, null, budget, sent);
    if (p.nextToken() != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "Trailing token (of type " + p.currentToken() + ") found after value");
    }
    return value;
  }

  /** One value; {@code fields} is how many fields the previous sibling object had (0: unknown). */
  static Object value(JsonParser p, JsonToken t, int fields, DecodeBudget budget)
      throws IOException {
    switch (t) {
      case START_OBJECT:
        {
          budget.charge(p, DecodeBudget.OBJECT);
          Map<String, Object> map =
              fields == 0 ? new LinkedHashMap<>() : new LinkedHashMap<>(capacity(fields));
          String name;
          int names = 0;
          while ((name = p.nextFieldName()) != null) {
            budget.charge(p, DecodeBudget.FIELD);
            map.put(name, value(p, p.nextToken(), 0, budget));
            names++;
          }
          if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(
                p, "Unexpected token " + p.currentToken());
          }
          if (map.size() != names) {
            budget.repeatedName();
          }
          return map;
        }
      case START_ARRAY:
        {
          budget.charge(p, DecodeBudget.ARRAY);
          List<Object> list = new ArrayList<>();
          JsonToken next;
          int siblingFields = 0;
          while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            if (next == null) {
              throw new com.fasterxml.jackson.core.io.JsonEOFException(
                  p, null, "Unexpected end-of-input in array");
            }
            budget.element(p, list.size() + 1);
            Object element = value(p, next, siblingFields, budget);
            siblingFields = element instanceof Map<?, ?> m ? m.size() : 0;
            list.add(element);
          }
          return list;
        }
      case VALUE_STRING:
        budget.string(p, p.getTextLength());
        return p.getText();
      case VALUE_NUMBER_INT:
        budget.charge(p, DecodeBudget.NUMBER);
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue()
            : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        budget.charge(p, DecodeBudget.NUMBER);
        return decimal(p);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + t);
    }
  }

  /**
   * A value decoded with a shape that is not {@link Shape#ALL}; {@code seen} remembers the field
   * names of the objects decoded before it at the same place (null: no siblings).
   */
  private static Object shaped(
      JsonParser p,
      JsonToken t,
      Shape shape,
      FieldPositions seen,
      DecodeBudget budget,
      ItemBytes sent)
      throws IOException {
    if (t == JsonToken.START_OBJECT) {
      budget.charge(p, DecodeBudget.OBJECT);
      return seen == null ? shapedMap(p, shape, budget, sent) : fieldMap(p, shape, seen, budget);
    }
    if (t == JsonToken.START_ARRAY) {
      budget.charge(p, DecodeBudget.ARRAY);
      return shapedList(p, shape, budget, seen != null && seen.checked, sent);
    }
    return value(p, t, 0, budget);
  }

  /** An object decoded in part, on its own (not one of an array's): a LinkedHashMap. */
  private static Map<String, Object> shapedMap(
      JsonParser p, Shape shape, DecodeBudget budget, ItemBytes sent) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken next = p.nextToken();
      Shape inner = shape.field(name);
      if (inner == null) {
        p.skipChildren();
      } else {
        budget.charge(p, DecodeBudget.FIELD);
        map.put(
            name,
            inner.all() ? value(p, next, 0, budget) : shaped(p, next, inner, null, budget, sent));
      }
    }
    endObject(p);
    return map;
  }

  /**
   * An object of an array decoded in part (a record of a page): a {@link FieldMap} whose names are
   * shared with the record before it when they are the same, in the same order. A record that
   * repeats a name becomes a LinkedHashMap, where the last value wins, as everywhere else.
   */
  private static Map<String, Object> fieldMap(
      JsonParser p, Shape shape, FieldPositions seen, DecodeBudget budget) throws IOException {
    String[] names = seen.kept; // never written: copied before this record's names differ
    boolean owned = false;
    boolean unique = true;
    Object[] values = new Object[Math.max(names.length, 4)];
    int n = 0;
    int position = 0;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken next = p.nextToken();
      Shape inner = seen.field(shape, name, position);
      if (inner == null) {
        if (seen.checked) {
          skipNoting(p, next, budget);
        } else {
          p.skipChildren();
        }
      } else {
        budget.charge(p, DecodeBudget.FIELD);
        Object value =
            inner.all()
                ? value(p, next, 0, budget)
                : shaped(p, next, inner, seen.inner(position), budget, null);
        if (owned || n >= names.length || names[n] != name) {
          if (!owned || n == names.length) {
            names = Arrays.copyOf(names, Math.max(n * 2, Math.max(names.length, 4)));
            owned = true;
          }
          for (int j = 0; j < n; j++) {
            unique &= !names[j].equals(name);
          }
          names[n] = name;
        }
        if (n == values.length) {
          values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = value;
      }
      position++;
    }
    endObject(p);
    if (seen.checked && !seen.namesUnique(position)) {
      budget.repeatedName();
    }
    if (!unique) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        map.put(names[i], values[i]);
      }
      return map;
    }
    if (owned) {
      seen.kept = names;
    }
    return new FieldMap(names, values, n);
  }

  private static void endObject(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "Unexpected token " + p.currentToken());
    }
  }

  /**
   * An array decoded with {@code shape} applied to each element; when the shape has a probe, a
   * {@link ProbedList} whose probe saw each element right after it was decoded. {@code checked}:
   * the array is part of a record kept as sent, whose repeated field names must be noted.
   */
  private static List<Object> shapedList(
      JsonParser p, Shape shape, DecodeBudget budget, boolean checked, ItemBytes sent)
      throws IOException {
    Shape elements = shape.elements();
    boolean parts =
        shape.sentItems()
            && shape.probe() != null
            && sent != null
            && p.currentTokenLocation().getByteOffset() >= 0;
    ProbedList probed =
        shape.probe() == null ? null : new ProbedList(shape.probe(), parts ? sent : null);
    List<Object> list = probed == null ? new ArrayList<>() : probed;
    FieldPositions seen = new FieldPositions(checked || parts);
    boolean whole = elements.all() || (shape.sentItems() && !parts);
    JsonToken next;
    int siblingFields = 0;
    while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
      if (next == null) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(
            p, null, "Unexpected end-of-input in array");
      }
      budget.element(p, list.size() + 1);
      boolean part = parts && next == JsonToken.START_OBJECT;
      long from = -1;
      if (probed != null && (whole || parts)) {
        budget.takeRepeatedName(); // a note from before this element is not about it
        from = p.currentTokenLocation().getByteOffset();
      }
      Object element =
          whole || (parts && !part)
              ? value(p, next, siblingFields, budget)
              : shaped(p, next, elements, seen, budget, null);
      siblingFields = element instanceof Map<?, ?> m ? m.size() : 0;
      if (probed == null) {
        list.add(element);
      } else if (part) {
        boolean repeating = budget.takeRepeatedName();
        probed.addPart(element, from, p.currentLocation().getByteOffset(), repeating);
      } else {
        boolean spanned = from >= 0 && !budget.takeRepeatedName() && element instanceof Map;
        probed.addProbed(element, from, spanned ? p.currentLocation().getByteOffset() : -1);
      }
    }
    return list;
  }

  /**
   * Skips the value at {@code t} as {@link JsonParser#skipChildren} does, noting in {@code budget}
   * an object in it that repeats a field name.
   */
  private static void skipNoting(JsonParser p, JsonToken t, DecodeBudget budget)
      throws IOException {
    if (t == JsonToken.START_OBJECT) {
      String[] names = new String[8];
      int n = 0;
      String name;
      while ((name = p.nextFieldName()) != null) {
        for (int i = 0; i < n; i++) {
          if (names[i].equals(name)) {
            budget.repeatedName();
          }
        }
        if (n == names.length) {
          names = Arrays.copyOf(names, n * 2);
        }
        names[n++] = name;
        skipNoting(p, p.nextToken(), budget);
      }
      endObject(p);
    } else if (t == JsonToken.START_ARRAY) {
      JsonToken next;
      while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
        if (next == null) {
          throw new com.fasterxml.jackson.core.io.JsonEOFException(
              p, null, "Unexpected end-of-input in array");
        }
        skipNoting(p, next, budget);
      }
    }
  }

  /**
   * The decimal at the parser, refused when it is too large to write out in full ({@link
   * PlainNumbers}).
   */
  private static java.math.BigDecimal decimal(JsonParser p) throws IOException {
    java.math.BigDecimal d;
    try {
      d = p.getDecimalValue();
    } catch (NumberFormatException e) { // an exponent beyond an int: 1e2147483648
      throw new DecodeBudget.Exceeded(
          "number " + p.getText() + " is out of range", p.currentTokenLocation());
    }
    try {
      return PlainNumbers.bounded(d);
    } catch (PlainNumbers.NumberTooLargeException e) {
      throw new DecodeBudget.Exceeded(e.getMessage(), p.currentTokenLocation());
    }
  }

  /** The initial capacity at which a map holds {@code fields} entries without growing. */
  private static int capacity(int fields) {
    return (int) (fields / 0.75f) + 1;
  }
}
