package dev.pagewalk.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.json.PlainNumbers;
import dev.pagewalk.spi.Headers;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns a response body into the plain data expressions see as {@code body}: JSON becomes
 * LinkedHashMap, ArrayList, String, Long or BigInteger, BigDecimal, Boolean and null; text becomes
 * a String. An empty body is null. Thread-safe.
 *
 * <p>The type is {@code automatic} (JSON for {@code application/json} and any {@code +json} media
 * type, or a body starting with <code>{</code> or {@code [} when there is no Content-Type; text
 * otherwise), {@code json} or {@code text}. The charset comes from Content-Type, UTF-8 by default.
 * JSON nesting depth and string length are capped, and so are the elements of any one array and the
 * heap the decoded value takes (see {@link DecodeBudget}); a decimal too large to write out in full
 * ({@link PlainNumbers}) is refused.
 */
public final class ResponseDecoder {
  public static final int DEFAULT_MAX_NESTING_DEPTH = 200;
  public static final int DEFAULT_MAX_STRING_LENGTH = StreamReadConstraints.DEFAULT_MAX_STRING_LEN;

  /** The most elements one JSON array may have: the records of one page, say. */
  public static final int DEFAULT_MAX_ARRAY_ELEMENTS = 1_000_000;

  private static final Pattern SOURCE_REF =
      Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

  private final ObjectMapper mapper;
  private final int maxNestingDepth;
  private final int maxArrayElements;
  private final long maxDecodedBytes;

  /**
   * A decoder with the given caps on JSON nesting depth and string length (in chars), {@link
   * #DEFAULT_MAX_ARRAY_ELEMENTS} and {@link #defaultMaxDecodedBytes()}.
   */
  public ResponseDecoder(int maxNestingDepth, int maxStringLength) {
    this(maxNestingDepth, maxStringLength, DEFAULT_MAX_ARRAY_ELEMENTS, defaultMaxDecodedBytes());
  }

  /**
   * A decoder with the given caps on JSON nesting depth and string length (in chars), on the
   * elements of any one array, and on the heap the decoded value may take by the estimate of {@link
   * DecodeBudget}.
   */
  public ResponseDecoder(
      int maxNestingDepth, int maxStringLength, int maxArrayElements, long maxDecodedBytes) {
    this.maxNestingDepth = maxNestingDepth;
    this.maxArrayElements = maxArrayElements;
    this.maxDecodedBytes = maxDecodedBytes;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxNestingDepth)
                    .maxStringLength(maxStringLength)
                    .build())
            .build();
    this.mapper =
        JsonConfig.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /** A quarter of the largest heap this JVM may have: what one decoded body may take by default. */
  public static long defaultMaxDecodedBytes() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  /**
   * Nesting depth 200, Jackson's default string length cap, 1,000,000 elements per array, a quarter
   * of the heap.
   */
  public static ResponseDecoder defaults() {
    return new ResponseDecoder(DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH);
  }

  /**
   * The body as plain data.
   *
   * @param type how to read it; null is {@link ResponseType#AUTOMATIC}
   * @throws MalformedBodyException when JSON is expected and the body is not JSON
   */
  public Object decode(HttpResponse response, ResponseType type) throws MalformedBodyException {
    return decode(response, type, Shape.ALL);
  }

  /**
   * The body as plain data, keeping of a JSON body only what {@code shape} names (the skipped parts
   * are still parsed, so malformed or truncated JSON anywhere is still an error).
   */
  public Object decode(HttpResponse response, ResponseType type, Shape shape)
      throws MalformedBodyException {
    String contentType = response.headers().first("Content-Type").orElse("");
    Charset charset = ContentTypes.charset(contentType);
    byte[] body = response.body();
    boolean json =
        switch (type == null ? ResponseType.AUTOMATIC : type) {
          case JSON -> true;
          case TEXT -> false;
          case AUTOMATIC ->
              ContentTypes.isJson(contentType) || contentType.isBlank() && looksLikeJson(body);
        };
    if (json) {
      return json(body, charset, shape);
    }
    return body.length == 0 ? null : new String(body, charset);
  }

  /**
   * True when {@link #decode} would read a response of this type and Content-Type as UTF-8 JSON.
   */
  public static boolean isUtf8Json(ResponseType type, Headers headers) {
    String contentType = headers.first("Content-Type").orElse("");
    boolean json =
        type == ResponseType.JSON
            || (type == null || type == ResponseType.AUTOMATIC) && ContentTypes.isJson(contentType);
    return json && ContentTypes.charset(contentType).equals(StandardCharsets.UTF_8);
  }

  /**
   * Reads UTF-8 JSON from a stream as {@link #decode} reads it from bytes (null when the body is
   * empty or blank). Failures are thrown as they come; see {@link StreamParser}.
   */
  public Object decodeStream(java.io.InputStream body, Shape shape) throws IOException {
    try (JsonParser parser = mapper.getFactory().createParser(body)) {
      DecodeBudget budget = budget();
      return PlainJson.read(parser, shape, budget, new ItemBytes(mapper.getFactory(), budget));
    }
  }

  private Object json(byte[] body, Charset charset, Shape shape) throws MalformedBodyException {
    if (isBlank(body, charset)) {
      return null;
    }
    try {
      try (JsonParser parser =
          charset.equals(StandardCharsets.UTF_8)
              ? mapper.getFactory().createParser(body)
              : mapper.getFactory().createParser(new String(body, charset))) {
        DecodeBudget budget = budget();
        return PlainJson.read(parser, shape, budget, new ItemBytes(mapper.getFactory(), budget));
      }
    } catch (DecodeBudget.Exceeded e) {
      throw new MalformedBodyException(
          "JSON over a limit" + at(e.getLocation()) + ": " + e.getOriginalMessage(), false, e);
    } catch (StreamConstraintsException e) {
      String reason =
          e.getOriginalMessage().contains("nesting depth")
              ? "JSON nesting depth exceeds " + maxNestingDepth
              : "JSON exceeds a size limit: "
                  + e.getOriginalMessage().replaceAll(" ?\\(from `.*`\\)|, from `.*`", "");
      throw new MalformedBodyException(reason, false, e);
    } catch (JsonProcessingException e) {
      boolean truncated =
          e instanceof JsonEOFException
              || e.getOriginalMessage().startsWith("No content to map due to end-of-input");
      throw new MalformedBodyException(
          (truncated ? "truncated JSON" : "malformed JSON")
              + at(e.getLocation())
              + ": "
              + SOURCE_REF.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"),
          truncated,
          e);
    } catch (IOException e) {
      throw new MalformedBodyException("unreadable JSON: " + e.getMessage(), false, e);
    }
  }

  /**
   * Blank without copying the body: ASCII whitespace only for the UTF-8 and single-byte charsets
   * JSON APIs use; anything else is decoded to check.
   */
  private static boolean isBlank(byte[] body, Charset charset) {
    if (!charset.equals(StandardCharsets.UTF_8)
        && !charset.equals(StandardCharsets.ISO_8859_1)
        && !charset.equals(StandardCharsets.US_ASCII)) {
      return new String(body, charset).isBlank();
    }
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private DecodeBudget budget() {
    return new DecodeBudget(maxArrayElements, maxDecodedBytes);
  }

  private static String at(JsonLocation location) {
    return location == null
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static boolean looksLikeJson(byte[] body) {
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' '
          && b != '\t'
          && b != '\r'
          && b != '\n'
          && b != (byte) 0xEF
          && b != (byte) 0xBB
          && b != (byte) 0xBF) {
        return false;
      }
    }
    return false;
  }
}
