package dev.pagewalk.expr;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/** parseJSON and jsonpath; JSONPath expressions are compiled once, at load time. */
final class JsonFunctions {
  private static final Configuration CONFIG = Configuration.builder()
      .jsonProvider(new JacksonJsonProvider(Json.MAPPER))
      .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
      .options(Option.SUPPRESS_EXCEPTIONS)
      .build();

  private JsonFunctions() {}

  static Object parseJson(Object text) {
    String s = Text.text(text, "parseJSON");
    return s == null ? null : Json.parse(s);
  }

  static JsonPath compilePath(String path, int offset) {
    if (path.contains("=~")) {
      throw new SyntaxError(
          "regular expressions (=~) are not allowed in jsonpath: a pattern from a spec file could"
              + " run for hours on crafted data", offset);
    }
    try {
      return JsonPath.compile(path);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw new SyntaxError("invalid JSONPath '" + path + "': " + e.getMessage(), offset);
    }
  }

  static Object jsonpath(Object value, Object path) {
    if (value == null) {
      return null;
    }
    if (!(path instanceof JsonPath p)) {
      throw new EvalFailure("internal error: jsonpath without a compiled path");
    }
    Object data = value instanceof String s ? Json.parse(s) : value;
    return p.read(data, CONFIG);
  }
}
