package dev.pagewalk.auth;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.expr.Bindings;
import dev.pagewalk.expr.EvaluationException;
import dev.pagewalk.expr.Template;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.UrlBuilder;
import java.net.URI;
import java.util.Map;

/**
 * Evaluates the {@code auth} block's templates over the run's inputs ({@code parameters}, {@code
 * connection}) and joins its URLs to the run's base URL. Immutable.
 */
record Inputs(String spec, Bindings bindings, String baseUrl) {
  /** The value of {@code t} (null for a missing template), its failure located. */
  Object value(Template t, String place) {
    return value(t, place, bindings);
  }

  Object value(Template t, String place, Bindings over) {
    if (t == null) {
      return null;
    }
    try {
      return t.evaluate(over);
    } catch (EvaluationException e) {
      throw new RunFailureException(ErrorCode.EXPRESSION, e.reported(spec, place), e);
    }
  }

  /** The text of {@code t}; null when missing or null. */
  String text(Template t, String place) {
    Object v = value(t, place);
    return v == null ? null : Values.toText(v);
  }

  /** The URL of {@code t}, joined to the base URL when relative, with {@code qs} appended. */
  URI url(Template t, String place, Map<String, ?> qs) {
    try {
      return UrlBuilder.build(baseUrl, text(t, place), qs, true, Values::toText);
    } catch (IllegalArgumentException e) {
      throw new RunFailureException(
          ErrorCode.INPUT, spec + ": " + place + ": " + e.getMessage(), e);
    }
  }
}
