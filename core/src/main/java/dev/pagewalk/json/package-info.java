/**
 * How pagewalk reads and writes JSON, in one place: the shared Jackson configuration ({@link
 * dev.pagewalk.json.JsonConfig}), numbers in plain notation and their bounds ({@link
 * dev.pagewalk.json.PlainNumbers}), the JSON Lines writer of the JSON Lines sinks ({@link
 * dev.pagewalk.json.JsonLinesWriter}), the check that an item's bytes as sent are already what it
 * writes, so they are copied ({@link dev.pagewalk.json.CanonicalJson}, {@link
 * dev.pagewalk.json.RawJson}, {@link dev.pagewalk.json.RawJsonRecords}), and the canonical text of
 * record keys ({@link dev.pagewalk.json.RecordKeys}). Not exported; the other modules use it from
 * the class path.
 *
 * <p>Depends on: nothing else in pagewalk.
 */
package dev.pagewalk.json;
