package dev.pagewalk.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Decodes a value of a body whole from its bytes, as the body's decoder would have decoded it in
 * place: the same caps on nesting depth and string length, and charged to the same {@link
 * DecodeBudget}, so the records of a page decoded later from their bytes ({@link SentObject}) cost
 * no more heap in all than the page decoded whole would have been allowed. One per decoded body;
 * thread-safe (decodes one value at a time).
 */
final class ItemBytes {
  private final JsonFactory factory;
  private final DecodeBudget budget;

  ItemBytes(JsonFactory factory, DecodeBudget budget) {
    this.factory = factory;
    this.budget = budget;
  }

  /**
   * The value of {@code body[from, to)}, which the body's decoder already read as one valid JSON
   * value.
   */
  Object decode(byte[] body, int from, int to) throws IOException {
    synchronized (budget) {
      try (JsonParser p = factory.createParser(body, from, to - from)) {
        return PlainJson.value(p, p.nextToken(), 0, budget);
      }
    }
  }
}
