package dev.pagewalk.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every text form in which a secret value may come back to a run, masked by {@link #mask}: the raw
 * value; its percent-encoded forms (all but the unreserved characters, only the characters illegal
 * in a URI as a templated path gets them, and form encoding with {@code +} for a space); its
 * JSON-escaped forms (as Jackson writes it, and with {@code \/} and Unicode escapes for non-ASCII);
 * and its base64, in the standard and the URL-safe alphabet, wherever the value sits in the encoded
 * text — so {@code Basic base64(user:secret)} and a token embedding the secret are masked too. A
 * base64 match masks the run of base64 characters around it (up to a {@code /} or padding).
 *
 * <p>Immutable and thread-safe; build it once per run ({@link #of}).
 */
public final class SecretForms {
  /** A base64 fragment shorter than this is not matched: it would mask unrelated text. */
  static final int MIN_BASE64_FRAGMENT = 6;

  private static final SecretForms NONE = new SecretForms(List.of(), List.of());

  private final List<String> literal;
  private final List<Fragment> base64;

  /**
   * A run of base64 characters decided by the secret alone; {@code mixedBefore}/{@code mixedAfter}:
   * whether the character next to it also carries some of the secret's bits.
   */
  private record Fragment(String text, String alphabet, boolean mixedBefore, boolean mixedAfter) {}

  private SecretForms(List<String> literal, List<Fragment> base64) {
    this.literal = literal;
    this.base64 = base64;
  }

  /** The forms of every {@link Redaction#maskable} value in {@code secrets}. */
  public static SecretForms of(Collection<String> secrets) {
    Set<String> literal = new LinkedHashSet<>();
    Set<Fragment> base64 = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (!Redaction.maskable(secret)) {
        continue;
      }
      literal.add(secret);
      literal.add(UrlBuilder.encode(secret));
      literal.add(UrlBuilder.encodeIllegal(secret));
      literal.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      String json = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
      literal.add(json);
      literal.add(asciiJson(json));
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      literal.add(Base64.getEncoder().encodeToString(bytes));
      for (int offset = 0; offset < 3; offset++) {
        addFragment(base64, bytes, offset, Base64.getEncoder(), STANDARD);
        addFragment(base64, bytes, offset, Base64.getUrlEncoder(), URL_SAFE);
      }
    }
    if (literal.isEmpty()) {
      return NONE;
    }
    List<String> longestFirst = new ArrayList<>(literal);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretForms(List.copyOf(longestFirst), List.copyOf(base64));
  }

  private static final String STANDARD = "+/=";
  private static final String URL_SAFE = "-_=";

  /**
   * The base64 characters that {@code bytes} alone decide when they start {@code offset} bytes into
   * the encoded text: those before and after mix in the neighbouring bytes.
   */
  private static void addFragment(
      Set<Fragment> out, byte[] bytes, int offset, Base64.Encoder encoder, String alphabet) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = encoder.encodeToString(shifted);
    int firstBit = offset * 8;
    int endBit = firstBit + bytes.length * 8;
    int from = (firstBit + 5) / 6;
    int to = endBit / 6;
    if (to - from >= MIN_BASE64_FRAGMENT) {
      out.add(
          new Fragment(encoded.substring(from, to), alphabet, firstBit % 6 != 0, endBit % 6 != 0));
    }
  }

  /** Jackson's escaping with {@code /} and every non-ASCII character escaped as well. */
  private static String asciiJson(String json) {
    StringBuilder sb = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '/') {
        sb.append("\\/");
      } else if (c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code text} with every form of every secret replaced by {@value Redaction#MASK}. */
  public String mask(String text) {
    if (text == null || literal.isEmpty()) {
      return text;
    }
    String out = text;
    for (Fragment f : base64) {
      out = maskBase64Run(out, f);
    }
    for (String form : literal) {
      out = out.replace(form, Redaction.MASK);
    }
    return out;
  }

  private static String maskBase64Run(String text, Fragment f) {
    int at = text.indexOf(f.text());
    if (at < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int copied = 0;
    while (at >= 0) {
      int start = at;
      if (f.mixedBefore() && start > copied && isBase64(text.charAt(start - 1), f.alphabet())) {
        start--;
      }
      while (start > copied && isRunPart(text.charAt(start - 1), f.alphabet())) {
        start--;
      }
      int end = at + f.text().length();
      if (f.mixedAfter() && end < text.length() && isBase64(text.charAt(end), f.alphabet())) {
        end++;
      }
      while (end < text.length() && isRunPart(text.charAt(end), f.alphabet())) {
        end++;
      }
      while (end < text.length() && text.charAt(end) == '=') {
        end++;
      }
      sb.append(text, copied, start).append(Redaction.MASK);
      copied = end;
      at = text.indexOf(f.text(), end);
    }
    return sb.append(text, copied, text.length()).toString();
  }

  /**
   * What a run is extended over: a letter, a digit, {@code +}, {@code -} or {@code _} — not {@code
   * /}, which more often ends a path than sits in base64, nor {@code =}, which only pads its end.
   */
  private static boolean isRunPart(char c, String alphabet) {
    return c != '/' && c != '=' && isBase64(c, alphabet);
  }

  private static boolean isBase64(char c, String alphabet) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || alphabet.indexOf(c) >= 0;
  }
}
