package dev.pagewalk.expr;

/** One lexical token of an expression, with its 0-based offset in the expression source. */
record Token(Kind kind, String text, Object value, int offset) {
  enum Kind {
    NUMBER,
    STRING,
    IDENTIFIER,
    NAME,
    OPERATOR,
    END
  }

  boolean is(String operator) {
    return kind == Kind.OPERATOR && text.equals(operator);
  }

  String describe() {
    if (kind == Kind.END) {
      return "end of expression";
    }
    return kind == Kind.STRING ? "string " + text : "'" + text + "'";
  }
}
