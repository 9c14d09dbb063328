package dev.pagewalk.conformance.livedata;

import java.util.Comparator;

/**
 * The order in which the mock lists records. Both orders are ascending and total.
 *
 * <ul>
 *   <li>{@link #ID} ({@code sort: id}, the default): the dataset's listing order. Initially this is
 *       ascending id. {@code insertHead} places new records (whose ids are above the current
 *       maximum) before all others, {@code insertTail} after all others; so after a head insert ids
 *       are no longer monotonic in this order.
 *   <li>{@link #UPDATED_AT} ({@code sort: updated_at}): ascending {@code updated_at}, ties broken
 *       by id. An {@code update} moves the record to the end.
 * </ul>
 */
public enum SortOrder {
  ID,
  UPDATED_AT;

  /** The key that places {@code item} in this order. */
  SortKey keyOf(Item item) {
    long primary = this == ID ? item.position() : item.updatedAt().toEpochMilli();
    return new SortKey(primary, item.seq());
  }

  Comparator<Item> comparator() {
    return Comparator.comparing(this::keyOf);
  }

  static SortOrder fromName(String name) {
    return switch (name) {
      case "id" -> ID;
      case "updated_at" -> UPDATED_AT;
      default ->
          throw new IllegalArgumentException("expected id or updated_at but got '" + name + "'");
    };
  }
}
