package dev.pagewalk.engine.start;

import java.util.regex.Pattern;

/**
 * Matches an input value against its declared pattern with a bound on the work: Java's regular
 * expressions backtrack, and a pattern such as {@code ^(a|a)*$} takes exponential time on a value
 * of a few dozen characters. The value is read through a {@link CharSequence} that counts the
 * characters the matcher reads and stops it past {@link #MAX_READS}.
 */
public final class BoundedMatch {
  static final long MAX_READS = 10_000_000;

  private BoundedMatch() {}

  /** Whether {@code value} matches all of {@code pattern}; null when the bound stopped it. */
  static Boolean matches(Pattern pattern, String value) {
    try {
      return pattern.matcher(new Counted(value, MAX_READS)).matches();
    } catch (TooMuchWork e) {
      return null;
    }
  }

  private static final class TooMuchWork extends RuntimeException {
    TooMuchWork() {
      super(null, null, false, false);
    }
  }

  /** The value, counting reads against a budget shared with its sub-sequences. */
  private static final class Counted implements CharSequence {
    private final String text;
    private final long[] left;

    Counted(String text, long budget) {
      this(text, new long[] {budget});
    }

    private Counted(String text, long[] left) {
      this.text = text;
      this.left = left;
    }

    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new TooMuchWork();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Counted(text.substring(start, end), left);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
