package dev.pagewalk.http;

/**
 * What a {@link Shape} applies to each element of an array as the element is decoded, while it is
 * still in the CPU cache: a value and a number derived from it, both kept by index in the {@link
 * ProbedList}. Must not throw.
 */
public interface ElementProbe {
  /** The value to keep for a just-decoded element. */
  Object probe(Object element);

  /** A number derived from {@code probed} (the value {@link #probe} returned), kept beside it. */
  long mark(Object probed);
}
