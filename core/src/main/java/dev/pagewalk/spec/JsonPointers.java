package dev.pagewalk.spec;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers, and the dotted form used in messages ({@code request.qs.limit}). */
final class JsonPointers {
  private JsonPointers() {}

  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer == null || pointer.isEmpty()) {
      return tokens;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** The pointer one level up; the root's parent is the root. */
  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** {@code /requests/0/qs/limit} → {@code requests[0].qs.limit}; the root is "the top level". */
  static String dotted(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String token : tokens(pointer)) {
      if (!token.isEmpty() && token.chars().allMatch(Character::isDigit) && out.length() > 0) {
        out.append('[').append(token).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(token);
      }
    }
    return out.length() == 0 ? "the top level" : out.toString();
  }
}
