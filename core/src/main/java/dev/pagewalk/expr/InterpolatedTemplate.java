package dev.pagewalk.expr;

import java.util.List;

/** Text with {@code {{expression}}} parts; every part is turned into text by {@link Values#toText}. */
record InterpolatedTemplate(List<Object> parts) implements Template {
  InterpolatedTemplate {
    parts = List.copyOf(parts);
  }

  @Override
  public Object evaluate(Bindings bindings) {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      out.append(part instanceof CompiledExpression e ? Values.toText(e.evaluate(bindings)) : (String) part);
    }
    return out.toString();
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
