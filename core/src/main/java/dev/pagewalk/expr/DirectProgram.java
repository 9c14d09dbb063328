package dev.pagewalk.expr;

/**
 * Runs the generated source of a checked expression without MVEL. That source is a tiny language
 * ({@link GeneratedSource}): calls of {@link RuntimeCalls} helpers on function objects from the
 * constant table, truthiness, the conditional operator, constants {@code k<n>} and variables
 * {@code v<n>}. It is parsed once into a tree of steps that make the very calls MVEL makes, in the
 * same order, so the result (and any failure) is the same; only MVEL's per-evaluation machinery
 * (a variable factory, its runtime, its optimizer) is gone. Each variable is looked up at most
 * once per evaluation, as MVEL's slots do. Immutable and thread-safe.
 */
final class DirectProgram {
  private static final Object UNSET = new Object();

  private final Step root;
  private final String[] variables;

  private DirectProgram(Step root, String[] variables) {
    this.root = root;
    this.variables = variables;
  }

  /** One node of the program. */
  private interface Step {
    Object run(Frame frame);
  }

  /** One evaluation: the bindings and the variables looked up so far. */
  private static final class Frame {
    final Bindings bindings;
    final String[] names;
    final Object[] values;

    Frame(Bindings bindings, String[] names) {
      this.bindings = bindings;
      this.names = names;
      this.values = new Object[names.length];
      java.util.Arrays.fill(values, UNSET);
    }

    Object variable(int index) {
      Object v = values[index];
      if (v == UNSET) {
        v = bindings.variable(names[index]);
        values[index] = v;
      }
      return v;
    }
  }

  Object evaluate(Bindings bindings) {
    return root.run(new Frame(bindings, variables));
  }

  /**
   * The program of {@code source}, or null when it is not of the generated shape (then MVEL
   * runs it, as before).
   */
  static DirectProgram compile(String source, Object[] constants, String[] variables) {
    try {
      Reader reader = new Reader(source, constants, variables.length);
      Step root = reader.expression();
      return reader.at == source.length() ? new DirectProgram(root, variables) : null;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** A recursive-descent reader of the generated source. */
  private static final class Reader {
    private final String source;
    private final Object[] constants;
    private final int variableCount;
    int at;

    Reader(String source, Object[] constants, int variableCount) {
      this.source = source;
      this.constants = constants;
      this.variableCount = variableCount;
    }

    Step expression() {
      if (source.charAt(at) == '(') {
        at++;
        Step condition = expression();
        expect('?');
        Step then = expression();
        expect(':');
        Step otherwise = expression();
        expect(')');
        return f -> Values.truthy(condition.run(f)) ? then.run(f) : otherwise.run(f);
      }
      String word = word();
      if (word.equals("pw_truthy")) {
        expect('(');
        Step operand = expression();
        expect(')');
        return f -> Values.truthy(operand.run(f));
      }
      if (word.startsWith("pw_call") && word.length() == 8) {
        return call(word.charAt(7) - '0');
      }
      int index = index(word);
      if (word.charAt(0) == 'k' && index < constants.length) {
        Object value = constants[index];
        return f -> value;
      }
      if (word.charAt(0) == 'v' && index < variableCount) {
        return f -> f.variable(index);
      }
      throw new IllegalArgumentException("unexpected " + word);
    }

    private Step call(int arity) {
      expect('(');
      String fnWord = word();
      if (fnWord.charAt(0) != 'k' || index(fnWord) >= constants.length) {
        throw new IllegalArgumentException("not a function: " + fnWord);
      }
      Object fn = constants[index(fnWord)];
      Step[] args = new Step[arity];
      for (int i = 0; i < arity; i++) {
        expect(',');
        args[i] = expression();
      }
      expect(')');
      return switch (arity) {
        case 0 -> fn instanceof Fn.F0 f0 ? f -> f0.apply() : failing(args);
        case 1 -> fn instanceof Fn.F1 f1 ? f -> f1.apply(args[0].run(f)) : failing(args);
        case 2 -> fn instanceof Fn.F2 f2 ? f -> f2.apply(args[0].run(f), args[1].run(f)) : failing(args);
        case 3 -> fn instanceof Fn.F3 f3
            ? f -> f3.apply(args[0].run(f), args[1].run(f), args[2].run(f)) : failing(args);
        case 4 -> fn instanceof Fn.F4 f4
            ? f -> f4.apply(args[0].run(f), args[1].run(f), args[2].run(f), args[3].run(f)) : failing(args);
        default -> throw new IllegalArgumentException("arity " + arity);
      };
    }

    /** What {@link RuntimeCalls} does with a constant that is not a function of that arity. */
    private static Step failing(Step[] args) {
      return f -> {
        for (Step a : args) {
          a.run(f);
        }
        throw new EvalFailure("internal error: not a compiled function");
      };
    }

    private String word() {
      int start = at;
      while (at < source.length()
          && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')) {
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException("expected a name at " + start);
      }
      return source.substring(start, at);
    }

    private static int index(String word) {
      return Integer.parseInt(word.substring(1));
    }

    private void expect(char c) {
      if (source.charAt(at) != c) {
        throw new IllegalArgumentException("expected " + c + " at " + at);
      }
      at++;
    }
  }
}
