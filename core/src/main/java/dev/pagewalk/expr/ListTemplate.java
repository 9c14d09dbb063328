package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.List;

/** A list of templates; null elements are kept. */
record ListTemplate(List<Template> elements) implements Template {
  ListTemplate {
    elements = List.copyOf(elements);
  }

  @Override
  public Object evaluate(Bindings bindings) {
    List<Object> out = new ArrayList<>(elements.size());
    for (Template t : elements) {
      out.add(t.evaluate(bindings));
    }
    return out;
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
