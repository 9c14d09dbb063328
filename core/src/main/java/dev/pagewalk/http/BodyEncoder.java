package dev.pagewalk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.json.JsonConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Encodes a spec's {@code body} value (plain data: Map, List, String, Number, Boolean, null) for
 * its {@code type}. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@code json}: the value as JSON, {@code application/json}
 *   <li>{@code urlencoded}: a flat map as a form, a list value repeating its name, null values
 *       omitted, {@code application/x-www-form-urlencoded}
 *   <li>{@code text}: the value's text form as UTF-8, {@code text/plain; charset=UTF-8}
 *   <li>{@code multipart}: a map of fields as {@code multipart/form-data}; see {@link
 *       MultipartEncoder} for file parts
 * </ul>
 *
 * Whether a method sends a body at all is the caller's decision: see {@link #allowsBody}.
 */
public final class BodyEncoder {
  private static final ObjectMapper JSON = JsonConfig.MAPPER;
  private static final Set<String> NO_BODY = Set.of("GET", "HEAD", "TRACE");

  private BodyEncoder() {}

  /** False for GET, HEAD and TRACE, whose body a spec's {@code body} never fills. */
  public static boolean allowsBody(String method) {
    return !NO_BODY.contains(method.toUpperCase(Locale.ROOT));
  }

  /** {@link #encode(Object, BodyType, Function)} with {@link String#valueOf} as the text form. */
  public static Optional<EncodedBody> encode(Object value, BodyType type) {
    return encode(value, type, String::valueOf);
  }

  /**
   * The encoded body, or empty when {@code value} is null (no body is sent).
   *
   * @param text the expression language's text form, used for text bodies, form and multipart field
   *     values
   * @throws IllegalArgumentException for a value the type cannot encode
   */
  public static Optional<EncodedBody> encode(
      Object value, BodyType type, Function<Object, String> text) {
    BodyType t = type == null ? BodyType.JSON : type;
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        switch (t) {
          case JSON -> new EncodedBody(json(value), "application/json");
          case URLENCODED ->
              new EncodedBody(
                  form(asMap(value, t), text).getBytes(StandardCharsets.UTF_8),
                  "application/x-www-form-urlencoded");
          case TEXT ->
              new EncodedBody(
                  text.apply(value).getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
          case MULTIPART ->
              MultipartEncoder.encode(asMap(value, t), text, MultipartEncoder.newBoundary());
        });
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "body cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String form(Map<?, ?> fields, Function<Object, String> text) {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<?, ?> e : fields.entrySet()) {
      for (Object v : values(e.getValue())) {
        pairs.add(
            URLEncoder.encode(String.valueOf(e.getKey()), StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(text.apply(v), StandardCharsets.UTF_8));
      }
    }
    return String.join("&", pairs);
  }

  /** A collection's non-null elements, or the value alone; nothing for null. */
  static List<Object> values(Object value) {
    List<Object> out = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      c.stream().filter(java.util.Objects::nonNull).forEach(out::add);
    } else if (value != null) {
      out.add(value);
    }
    return out;
  }

  private static Map<?, ?> asMap(Object value, BodyType type) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(
        "a " + type.specName() + " body must be a map of fields, got " + kind(value));
  }

  static String kind(Object value) {
    if (value instanceof Collection<?>) {
      return "a list";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value.getClass().getSimpleName();
  }
}
