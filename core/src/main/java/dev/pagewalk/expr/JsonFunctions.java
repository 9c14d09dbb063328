package dev.pagewalk.expr;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * parseJSON and jsonpath; JSONPath expressions are compiled once, at load time. One jsonpath
 * evaluation takes at most {@link #MAX_STEPS} steps through the data.
 */
final class JsonFunctions {
  static final long MAX_STEPS = 1_000_000;
  private static final JacksonMappingProvider MAPPING = new JacksonMappingProvider(Json.MAPPER);

  private JsonFunctions() {}

  static Object parseJson(Object text) {
    String s = Text.text(text, "parseJSON");
    return s == null ? null : Json.parse(s);
  }

  /** A JSONPath as the author wrote it, and compiled. */
  record CompiledPath(String text, JsonPath path) {}

  static CompiledPath compilePath(String path, int offset) {
    if (path.contains("=~")) {
      throw new SyntaxError(
          "regular expressions (=~) are not allowed in jsonpath: a pattern from a spec file could"
              + " run for hours on crafted data",
          offset);
    }
    try {
      return new CompiledPath(path, JsonPath.compile(path));
    } catch (InvalidPathException | IllegalArgumentException e) {
      String reason =
          e instanceof NumberFormatException
                  || e.getCause() instanceof NumberFormatException
                  || String.valueOf(e.getMessage()).contains("NumberFormatException")
              ? "an index is too large"
              : e.getMessage();
      throw new SyntaxError("invalid JSONPath '" + path + "': " + reason, offset);
    }
  }

  static Object jsonpath(Object value, Object path) {
    if (value == null) {
      return null;
    }
    if (!(path instanceof CompiledPath p)) {
      throw new EvalFailure("internal error: jsonpath without a compiled path");
    }
    Object data = value instanceof String s ? Json.parse(s) : value;
    CountingJsonProvider provider = new CountingJsonProvider(MAX_STEPS);
    Configuration config =
        Configuration.builder()
            .jsonProvider(provider)
            .mappingProvider(MAPPING)
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    Object result;
    try {
      result = p.path().read(data, config);
    } catch (CountingJsonProvider.Exhausted e) {
      result = null;
    } catch (JsonPathException e) {
      throw new EvalFailure(
          "jsonpath '" + ValueLimits.quote(p.text()) + "' cannot be applied to this value");
    }
    EvalDeadline.work(provider.steps());
    if (provider.exhausted()) {
      throw new EvalFailure(
          "jsonpath '"
              + ValueLimits.quote(p.text())
              + "' needs more than "
              + MAX_STEPS
              + " steps on this value (each deep scan '..' multiplies the work)");
    }
    return result;
  }
}
