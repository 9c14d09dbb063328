package dev.pagewalk.http;

import java.util.Arrays;

/**
 * The field names that the objects of one array had at each position, with their shapes. The
 * records of a page usually have the same fields in the same order, so a field is matched to its
 * shape by comparing its (interned) name with the previous record's name at that position, instead
 * of a hash lookup per field; a different name is looked up and remembered. One per array being
 * decoded, never shared.
 */
final class FieldPositions {
  /** The kept names of the last record built here whose layout differed from the one before. */
  String[] kept = new String[0];

  /** Whether the objects here are part of records kept as sent, whose names must be unique. */
  final boolean checked;

  private String[] names = new String[16];
  private Shape[] shapes = new Shape[16];
  private FieldPositions[] inner = new FieldPositions[16];
  private boolean relaid = true;
  private int lastCount = -1;
  private boolean lastUnique;

  FieldPositions(boolean checked) {
    this.checked = checked;
  }

  /**
   * Whether the {@code count} names of the object just read are all different: as the object before
   * it when every name was the one at its position there, else compared.
   */
  boolean namesUnique(int count) {
    if (relaid || count != lastCount) {
      boolean unique = true;
      for (int i = 1; i < count && unique; i++) {
        for (int j = 0; j < i; j++) {
          if (names[i].equals(names[j])) {
            unique = false;
            break;
          }
        }
      }
      lastUnique = unique;
      lastCount = count;
    }
    relaid = false;
    return lastUnique;
  }

  Shape field(Shape shape, String name, int position) {
    if (position >= names.length) {
      int size = Math.max(position + 1, names.length * 2);
      names = Arrays.copyOf(names, size);
      shapes = Arrays.copyOf(shapes, size);
      inner = Arrays.copyOf(inner, size);
    }
    if (names[position] == name) {
      return shapes[position];
    }
    Shape found = shape.field(name);
    relaid = true;
    names[position] = name;
    shapes[position] = found;
    inner[position] = null;
    return found;
  }

  /**
   * The positions of the objects found at {@code position}'s field (whose name {@link #field} set).
   */
  FieldPositions inner(int position) {
    FieldPositions p = inner[position];
    if (p == null) {
      p = new FieldPositions(checked);
      inner[position] = p;
    }
    return p;
  }
}
