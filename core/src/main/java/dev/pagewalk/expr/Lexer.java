package dev.pagewalk.expr;

import dev.pagewalk.expr.Token.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; rejects every character the grammar does not use. */
final class Lexer {
  private static final String[] TWO_CHAR = {"==", "!=", "<=", ">=", "&&", "||"};
  private static final String ONE_CHAR = "+-*/%=<>!()[].,?:";

  private final String src;
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokens(String src) {
    return new Lexer(src).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>();
    while (true) {
      while (pos < src.length() && isSpace(src.charAt(pos))) {
        pos++;
      }
      if (pos >= src.length()) {
        out.add(new Token(Kind.END, "", null, pos));
        return out;
      }
      out.add(next());
    }
  }

  private Token next() {
    char c = src.charAt(pos);
    int start = pos;
    if (c >= '0' && c <= '9') {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      return string(start, c);
    }
    if (c == '`') {
      return name(start);
    }
    if (Character.isLetter(c) && c < 128 || c == '_') {
      while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
        pos++;
      }
      String word = src.substring(start, pos);
      return new Token(Kind.IDENTIFIER, word, word, start);
    }
    for (String op : TWO_CHAR) {
      if (src.startsWith(op, pos)) {
        pos += 2;
        return new Token(Kind.OPERATOR, op, null, start);
      }
    }
    if (ONE_CHAR.indexOf(c) >= 0) {
      pos++;
      return new Token(Kind.OPERATOR, String.valueOf(c), null, start);
    }
    throw unexpected(c, start);
  }

  private static SyntaxError unexpected(char c, int at) {
    if (c == '&' || c == '|') {
      return new SyntaxError(
          "unexpected character '" + c + "'", at, "did you mean '" + c + c + "'?");
    }
    if (c < 32 || c > 126) {
      return new SyntaxError(String.format("unexpected character U+%04X", (int) c), at);
    }
    return new SyntaxError("unexpected character '" + c + "'", at);
  }

  private Token number(int start) {
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
    boolean decimal =
        pos + 1 < src.length() && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1));
    if (decimal) {
      pos++;
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
      throw new SyntaxError("invalid number '" + src.substring(start, pos + 1) + "'", start);
    }
    String text = src.substring(start, pos);
    Object value = decimal ? new BigDecimal(text) : Numbers.normalize(new BigInteger(text));
    return new Token(Kind.NUMBER, text, value, start);
  }

  private Token string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == quote) {
        pos++;
        return new Token(Kind.STRING, src.substring(start, pos), value.toString(), start);
      }
      if (c == '\\') {
        value.append(escape());
      } else {
        value.append(c);
        pos++;
      }
    }
    throw new SyntaxError("unterminated string", start);
  }

  private char escape() {
    int at = pos;
    if (pos + 1 >= src.length()) {
      throw new SyntaxError("unterminated string", at);
    }
    char e = src.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '\\':
        return '\\';
      case '\'':
        return '\'';
      case '"':
        return '"';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'u':
        throw new SyntaxError("unicode escapes are not allowed", at);
      default:
        throw new SyntaxError("invalid escape '\\" + e + "'", at, "use \\\\ \\' \\\" \\n or \\t");
    }
  }

  private Token name(int start) {
    int end = src.indexOf('`', start + 1);
    if (end < 0) {
      throw new SyntaxError("unterminated name", start);
    }
    if (end == start + 1) {
      throw new SyntaxError("empty name", start);
    }
    pos = end + 1;
    return new Token(Kind.NAME, src.substring(start, pos), src.substring(start + 1, end), start);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierPart(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }
}
