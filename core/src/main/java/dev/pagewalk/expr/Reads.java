package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compiled templates read: for each variable, the member paths its values are taken at ({@code
 * item.address.city} is {@code [address, city]} under {@code item}). A value read at a path may be
 * used whole, so everything under the path counts as read. A variable used any other way — passed
 * to a function, indexed, indexed by a computed key — is read whole (the empty path), and so is
 * every variable when a template is of a kind this class does not know. The engine uses this to
 * decode only the parts of a response that a spec can see.
 */
public final class Reads {
  private final Map<String, Set<List<String>>> paths = new HashMap<>();
  private boolean everything;

  private Reads() {}

  /** What the templates read together; null entries are skipped. */
  public static Reads of(Collection<Template> templates) {
    Reads r = new Reads();
    for (Template t : templates) {
      r.template(t);
    }
    return r;
  }

  /**
   * The paths read under {@code variable}: empty when it is never read, and containing the empty
   * path when it is read whole.
   */
  public Set<List<String>> paths(String variable) {
    if (everything) {
      return Set.of(List.of());
    }
    return Set.copyOf(paths.getOrDefault(variable, Set.of()));
  }

  /**
   * The keys of a template that is exactly one member path over {@code variable} ({@code
   * {{body.data.items}}} gives {@code [data, items]}), else null.
   */
  public static List<String> memberPath(Template t, String variable) {
    if (t instanceof ExpressionTemplate e && e.expression().node() != null) {
      List<String> chain = chain(e.expression().node());
      if (chain != null && chain.get(0).equals(variable)) {
        return List.copyOf(chain.subList(1, chain.size()));
      }
    }
    return null;
  }

  private void template(Template t) {
    if (t == null || t instanceof ConstantTemplate) {
      return;
    }
    if (t instanceof ExpressionTemplate e) {
      expression(e.expression());
    } else if (t instanceof InterpolatedTemplate i) {
      for (Object part : i.parts()) {
        if (part instanceof CompiledExpression e) {
          expression(e);
        }
      }
    } else if (t instanceof MapTemplate m) {
      m.entries().values().forEach(this::template);
      m.nameTemplates().forEach(this::template);
    } else if (t instanceof ListTemplate l) {
      l.elements().forEach(this::template);
    } else {
      everything = true;
    }
  }

  private void expression(CompiledExpression e) {
    if (e.node() == null) {
      everything = true;
    } else {
      node(e.node());
    }
  }

  private void node(Node n) {
    List<String> chain = chain(n);
    if (chain != null) {
      paths
          .computeIfAbsent(chain.get(0), k -> new LinkedHashSet<>())
          .add(List.copyOf(chain.subList(1, chain.size())));
      return;
    }
    if (n instanceof MemberNode m) {
      node(m.target());
    } else if (n instanceof IndexNode i) {
      node(i.target());
      node(i.index());
    } else if (n instanceof BinaryNode b) {
      node(b.left());
      node(b.right());
    } else if (n instanceof LogicalNode l) {
      node(l.left());
      node(l.right());
    } else if (n instanceof UnaryNode u) {
      node(u.operand());
    } else if (n instanceof ConditionalNode c) {
      node(c.condition());
      node(c.then());
      node(c.otherwise());
    } else if (n instanceof CallNode c) {
      c.arguments().forEach(this::node);
    } else if (!(n instanceof LiteralNode)) {
      everything = true;
    }
  }

  /** [variable, key, key, ...] when {@code n} is a variable followed by member steps only. */
  private static List<String> chain(Node n) {
    if (n instanceof VariableNode v) {
      List<String> out = new ArrayList<>();
      out.add(v.name());
      return out;
    }
    if (n instanceof MemberNode m) {
      List<String> out = chain(m.target());
      if (out != null) {
        out.add(m.key());
      }
      return out;
    }
    return null;
  }
}
