package dev.pagewalk.json;

/**
 * A value's JSON as an API sent it, {@code bytes[from, to)} of the response body, found {@link
 * CanonicalJson canonical}: the bytes {@link JsonLinesWriter} would write for the value decoded
 * from them, so they are copied instead ({@link JsonLinesWriter#write(RawJson)}). The array is the
 * response body, shared and never written to.
 */
public record RawJson(byte[] bytes, int from, int to) {}
