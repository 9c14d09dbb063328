package dev.pagewalk.expr;

import java.util.List;

/**
 * Text with {@code {{expression}}} parts; every part is turned into text by {@link Values#toText}.
 * The text is refused when it would pass {@link ValueLimits#MAX_TEXT}; {@code location} is that of
 * the string (null when unknown).
 */
record InterpolatedTemplate(List<Object> parts, SourceLocation location) implements Template {
  InterpolatedTemplate {
    parts = List.copyOf(parts);
  }

  @Override
  public Object evaluate(Bindings bindings) {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      String text =
          part instanceof CompiledExpression e ? e.evaluateToText(bindings) : (String) part;
      if ((long) out.length() + text.length() > ValueLimits.MAX_TEXT) {
        throw new EvaluationException(
            location, ValueLimits.textPastLimit("the interpolated text").getMessage(), null);
      }
      out.append(text);
    }
    return out.toString();
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
