package dev.pagewalk;

/**
 * One record delivered by a run: its identity ({@code response.key}, or null when the spec declares
 * none), its value ({@code response.output}) as plain data, and the number of the page it came from
 * (1-based).
 */
public record OutputRecord(Object key, Object value, long page) {}
