package dev.pagewalk.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How pagewalk reads and writes JSON, in one place: every Jackson mapper of every module (the
 * engine, the sinks, the command line, the benchmarks) is built from {@link #builder()}, so a
 * record, a report, a checkpoint and an audit line write the same value the same way.
 *
 * <ul>
 *   <li>Decimals are written in plain notation: {@code 1000}, never {@code 1E+3}; {@code 12.30}
 *       keeps its scale. (Decimals too long to write out in full are refused on the way in; see
 *       {@code dev.pagewalk.json.PlainNumbers}.)
 *   <li>Decimals are read as {@link java.math.BigDecimal}, exactly as sent, also into trees; never
 *       as a double.
 *   <li>Dates: pagewalk's values hold dates as ISO-8601 text ({@code 2026-01-01T00:00:00Z}, the
 *       form of {@link java.time.Instant#toString}); a {@link java.util.Date} handed to a mapper is
 *       written the same way, never as a number of milliseconds.
 * </ul>
 *
 * What concerns one use only (indenting a report, not closing a stream, integers as Long) is added
 * by that use on top. Mappers are thread-safe once built.
 */
public final class JsonConfig {
  /** A mapper with these settings and nothing else. */
  public static final JsonMapper MAPPER = builder().build();

  private JsonConfig() {}

  /** A builder with pagewalk's settings, for a mapper that adds its own. */
  public static JsonMapper.Builder builder() {
    return configure(JsonMapper.builder());
  }

  /** {@link #builder()} over {@code factory}, for a mapper with its own read constraints. */
  public static JsonMapper.Builder builder(JsonFactory factory) {
    return configure(JsonMapper.builder(factory));
  }

  private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }
}
