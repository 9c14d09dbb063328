package dev.pagewalk.spec;

/**
 * One schema violation in human words: where (pointer), whether to point at the key rather than the
 * value, the message and an optional hint.
 */
record SchemaFinding(String pointer, boolean atKey, String message, String hint) {}
