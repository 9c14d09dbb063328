package dev.pagewalk.expr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compiles spec values into {@link Template}s. Every {@code {{...}}} part is parsed by the
 * project's own parser, checked against the grammar, the variables of the {@link Scope} and the
 * built-in functions, and only then translated to MVEL and compiled, once. The MVEL source is
 * generated: it contains only calls of {@link RuntimeCalls}, generated identifiers, commas,
 * parentheses and the conditional operator; nothing the author wrote reaches MVEL as code.
 *
 * <p>Limits: an expression has at most 4096 characters and nests at most 32 levels. Thread-safe;
 * the templates it returns are immutable and thread-safe.
 */
public final class ExpressionCompiler {
  /** The offset of an error in a templated map name: the error is located at the key. */
  public static final int AT_KEY = -1;

  private final MvelGate gate;

  public ExpressionCompiler() {
    this(source -> {});
  }

  ExpressionCompiler(Consumer<String> mvelRecorder) {
    this.gate = new MvelGate(mvelRecorder);
  }

  /**
   * Compiles a spec value as read from YAML: String, Number, Boolean, null, List or Map with String
   * keys (nested). Strings may contain {@code {{ expression }}} parts. A string that is exactly one
   * {@code {{...}}} keeps the expression's type; any other string with parts is interpolated.
   * Constants compile to constant templates.
   *
   * @throws ExpressionException for the first expression that does not compile, located by JSON
   *     pointer relative to {@code value} and offset inside that string
   */
  public Template compile(Object value, Scope scope) throws ExpressionException {
    return compile(value, scope, SourceLocation.Locator.NONE);
  }

  /**
   * As {@link #compile(Object, Scope)}; each expression also learns its {@link SourceLocation} from
   * {@code locator}, and names it when it fails at run time.
   */
  public Template compile(Object value, Scope scope, SourceLocation.Locator locator)
      throws ExpressionException {
    try {
      return new Run(scope, locator).compile(value, "");
    } catch (Located e) {
      throw new ExpressionException(e.getMessage(), e.pointer, e.offset, e.hint);
    }
  }

  /** One compilation: the scope and locator of the value being compiled. */
  private final class Run {
    private final Scope scope;
    private final SourceLocation.Locator locator;

    Run(Scope scope, SourceLocation.Locator locator) {
      this.scope = scope;
      this.locator = locator;
    }

    private Template compile(Object value, String pointer) {
      if (value instanceof String s) {
        return string(s, pointer);
      }
      if (value instanceof Map<?, ?> m) {
        return map(m, pointer);
      }
      if (value instanceof List<?> l) {
        return list(l, pointer);
      }
      if (value == null || value instanceof Number || value instanceof Boolean) {
        return new ConstantTemplate(value);
      }
      throw new Located(
          "unsupported value of type " + value.getClass().getSimpleName(), pointer, 0, null);
    }

    private Template map(Map<?, ?> map, String pointer) {
      Map<String, Template> entries = new LinkedHashMap<>();
      Map<String, Template> names = new LinkedHashMap<>();
      boolean constant = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey() instanceof Map<?, ?> inner && inner.size() == 1 && e.getValue() == null) {
          throw new Located(
              "a value starting with '{' must be quoted: write \"{{"
                  + inner.keySet().iterator().next()
                  + "}}\"",
              pointer,
              0,
              "put the expression in quotes");
        }
        String key = String.valueOf(e.getKey());
        Template t = compile(e.getValue(), pointer + "/" + escape(key));
        entries.put(key, t);
        constant &= t.isConstant();
        if (key.contains("{{")) {
          names.put(key, name(key, pointer + "/" + escape(key)));
          constant = false;
        }
      }
      if (!constant) {
        return new MapTemplate(entries, names);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      entries.forEach(
          (k, t) -> {
            if (t.evaluate(null) != null) {
              values.put(k, t.evaluate(null));
            }
          });
      return new ConstantTemplate(Collections.unmodifiableMap(values));
    }

    /** A templated name, checked like a value; an error in it is located at the key. */
    private Template name(String key, String pointer) {
      try {
        return string(key, pointer);
      } catch (Located e) {
        throw new Located(e.getMessage(), e.pointer, AT_KEY, e.hint);
      }
    }

    private Template list(List<?> list, String pointer) {
      List<Template> elements = new ArrayList<>();
      boolean constant = true;
      for (int i = 0; i < list.size(); i++) {
        Template t = compile(list.get(i), pointer + "/" + i);
        elements.add(t);
        constant &= t.isConstant();
      }
      if (!constant) {
        return new ListTemplate(elements);
      }
      List<Object> values = new ArrayList<>();
      elements.forEach(t -> values.add(t.evaluate(null)));
      return new ConstantTemplate(Collections.unmodifiableList(values));
    }

    private Template string(String text, String pointer) {
      List<Object> parts = new ArrayList<>();
      try {
        for (TemplateText.Part p : TemplateText.split(text)) {
          parts.add(p.expression() ? expression(p.text(), p.start(), pointer) : p.text());
        }
      } catch (SyntaxError e) {
        throw new Located(e.getMessage(), pointer, e.offset, e.hint);
      }
      if (parts.isEmpty()) {
        return new ConstantTemplate(text);
      }
      if (parts.size() == 1) {
        return parts.get(0) instanceof CompiledExpression e
            ? new ExpressionTemplate(e)
            : new ConstantTemplate(text);
      }
      return new InterpolatedTemplate(parts, locator.locate(pointer, 0));
    }

    private CompiledExpression expression(String source, int start, String pointer) {
      Node node;
      Translation translation = new Translation();
      String generated;
      try {
        node = Parser.parse(source);
        node.check(new Validation(scope, source));
        generated = Translation.unwrapped(node.translate(translation));
      } catch (SyntaxError e) {
        throw new SyntaxError(e.getMessage(), start + e.offset, e.hint);
      }
      Serializable compiled = gate.compile(generated);
      return new CompiledExpression(
          source.strip(),
          compiled,
          translation.constants(),
          translation.variables(),
          generated,
          PathAccessor.of(node),
          node,
          locator.locate(pointer, start + leadingSpace(source)));
    }
  }

  private static int leadingSpace(String source) {
    int i = 0;
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static final class Located extends RuntimeException {
    final String pointer;
    final int offset;
    final String hint;

    Located(String message, String pointer, int offset, String hint) {
      super(message, null, false, false);
      this.pointer = pointer;
      this.offset = offset;
      this.hint = hint;
    }
  }
}
