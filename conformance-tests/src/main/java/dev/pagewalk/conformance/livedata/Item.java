package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One record of the dataset, immutable; an update replaces it.
 *
 * <p>JSON form (about 180 bytes): {@code {"id": 1, "created_at": "2024-01-01T00:01:00Z",
 * "updated_at": "2024-01-01T00:01:17Z", "name": "Ada Moreau", "email": "ada.moreau1@example.com",
 * "amount": 123.45, "status": "active"}}. {@code id} is a number or a string per {@link IdType}.
 *
 * @param seq the id's sequence number (1-based)
 * @param position the hidden listing position used by {@link SortOrder#ID}
 */
public record Item(
    long seq,
    long position,
    Instant createdAt,
    Instant updatedAt,
    String name,
    String email,
    BigDecimal amount,
    String status) {

  Item withUpdatedAt(Instant newUpdatedAt) {
    return new Item(seq, position, createdAt, newUpdatedAt, name, email, amount, status);
  }

  /** The record as it is served. */
  public ObjectNode toJson(IdType idType) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (idType == IdType.INTEGER) {
      node.put("id", seq);
    } else {
      node.put("id", idType.render(seq));
    }
    node.put("created_at", createdAt.toString());
    node.put("updated_at", updatedAt.toString());
    node.put("name", name);
    node.put("email", email);
    node.put("amount", amount);
    node.put("status", status);
    return node;
  }
}
