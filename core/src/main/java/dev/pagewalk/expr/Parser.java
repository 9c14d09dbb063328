package dev.pagewalk.expr;

import dev.pagewalk.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser for the expression grammar; bounds length and nesting. */
final class Parser {
  static final int MAX_LENGTH = 4096;
  static final int MAX_DEPTH = 32;
  static final int MAX_HEIGHT = 128;
  private static final Set<String> RESERVED =
      Set.of(
          "new",
          "import",
          "while",
          "for",
          "foreach",
          "do",
          "until",
          "def",
          "function",
          "return",
          "var",
          "class",
          "this",
          "instanceof",
          "isdef",
          "empty",
          "nil",
          "with",
          "assert",
          "throw",
          "try",
          "catch",
          "switch",
          "else",
          "in",
          "contains",
          "is",
          "strsim",
          "soundslike",
          "convertable_to");

  private final List<Token> tokens;
  private int pos;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Node parse(String source) {
    if (source.length() > MAX_LENGTH) {
      throw new SyntaxError("expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
    }
    if (source.isBlank()) {
      throw new SyntaxError("empty expression", 0);
    }
    Parser parser = new Parser(Lexer.tokens(source));
    Node node = parser.conditional();
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw new SyntaxError("unexpected " + rest.describe(), rest.offset());
    }
    if (node.height() > MAX_HEIGHT) {
      throw new SyntaxError("expression has more than " + MAX_HEIGHT + " nested operations", 0);
    }
    return node;
  }

  private Node conditional() {
    enter();
    Node condition = or();
    Token question = peek();
    if (question.is("?")) {
      pos++;
      Node then = conditional();
      expect(":");
      Node otherwise = conditional();
      condition = new ConditionalNode(condition, then, otherwise, question.offset());
    }
    depth--;
    return condition;
  }

  private Node or() {
    Node left = and();
    while (peek().is("||") || isWord(peek(), "or")) {
      Token op = tokens.get(pos++);
      left = new LogicalNode(false, left, and(), op.offset());
    }
    return left;
  }

  private Node and() {
    Node left = equality();
    while (peek().is("&&") || isWord(peek(), "and")) {
      Token op = tokens.get(pos++);
      left = new LogicalNode(true, left, equality(), op.offset());
    }
    return left;
  }

  private Node equality() {
    Node left = comparison();
    while (peek().is("==") || peek().is("=") || peek().is("!=")) {
      Token op = tokens.get(pos++);
      left = new BinaryNode(op.text(), left, comparison(), op.offset());
    }
    return left;
  }

  private Node comparison() {
    Node left = additive();
    while (peek().is("<") || peek().is("<=") || peek().is(">") || peek().is(">=")) {
      Token op = tokens.get(pos++);
      left = new BinaryNode(op.text(), left, additive(), op.offset());
    }
    return left;
  }

  private Node additive() {
    Node left = multiplicative();
    while (peek().is("+") || peek().is("-")) {
      Token op = tokens.get(pos++);
      left = new BinaryNode(op.text(), left, multiplicative(), op.offset());
    }
    return left;
  }

  private Node multiplicative() {
    Node left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      Token op = tokens.get(pos++);
      left = new BinaryNode(op.text(), left, unary(), op.offset());
    }
    return left;
  }

  private Node unary() {
    Token t = peek();
    if (t.is("-") || t.is("!") || isWord(t, "not")) {
      pos++;
      enter();
      Node operand = unary();
      depth--;
      return new UnaryNode(t.is("-"), operand, t.offset());
    }
    return postfix(primary());
  }

  private Node postfix(Node node) {
    while (true) {
      Token t = peek();
      if (t.is(".")) {
        pos++;
        Token name = tokens.get(pos++);
        if (name.kind() != Kind.IDENTIFIER && name.kind() != Kind.NAME) {
          throw new SyntaxError(
              "expected a name after '.' but found " + name.describe(), name.offset());
        }
        node = new MemberNode(node, (String) name.value(), name.offset());
        if (peek().is("(")) {
          throw new SyntaxError(
              "method calls are not allowed; use a built-in function", peek().offset());
        }
      } else if (t.is("[")) {
        pos++;
        Node index = conditional();
        expect("]");
        node = new IndexNode(node, index, t.offset());
      } else if (t.is("(")) {
        throw new SyntaxError("only built-in functions can be called", t.offset());
      } else {
        return node;
      }
    }
  }

  private Node primary() {
    Token t = tokens.get(pos);
    switch (t.kind()) {
      case NUMBER:
      case STRING:
        pos++;
        return new LiteralNode(t.value(), t.offset());
      case NAME:
        pos++;
        return new VariableNode((String) t.value(), t.offset());
      case IDENTIFIER:
        pos++;
        return word(t);
      case OPERATOR:
        if (t.is("(")) {
          pos++;
          Node inner = conditional();
          expect(")");
          return inner;
        }
        throw new SyntaxError("unexpected " + t.describe(), t.offset());
      default:
        throw new SyntaxError("unexpected end of expression", t.offset());
    }
  }

  private Node word(Token t) {
    switch (t.text()) {
      case "true":
        return new LiteralNode(Boolean.TRUE, t.offset());
      case "false":
        return new LiteralNode(Boolean.FALSE, t.offset());
      case "null":
        return new LiteralNode(null, t.offset());
      case "and":
      case "or":
        throw new SyntaxError("unexpected " + t.describe(), t.offset());
      default:
        break;
    }
    if (peek().is("(")) {
      return call(t);
    }
    if (RESERVED.contains(t.text())) {
      throw new SyntaxError(
          "'" + t.text() + "' is not part of the expression language", t.offset());
    }
    return new VariableNode(t.text(), t.offset());
  }

  private Node call(Token name) {
    pos++;
    List<Node> args = new ArrayList<>();
    if (!peek().is(")")) {
      args.add(conditional());
      while (peek().is(",")) {
        pos++;
        args.add(conditional());
      }
    }
    expect(")");
    return new CallNode(name.text(), args, name.offset());
  }

  private void expect(String operator) {
    Token t = peek();
    if (!t.is(operator)) {
      throw new SyntaxError("expected '" + operator + "' but found " + t.describe(), t.offset());
    }
    pos++;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new SyntaxError(
          "expression nests deeper than " + MAX_DEPTH + " levels", peek().offset());
    }
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private static boolean isWord(Token t, String word) {
    return t.kind() == Kind.IDENTIFIER && t.text().equals(word);
  }
}
