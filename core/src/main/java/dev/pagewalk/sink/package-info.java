/**
 * Where records go (API). A {@link dev.pagewalk.sink.RecordSink} stores each page of records with
 * its checkpoint; {@link dev.pagewalk.sink.WriteMode} says what happens to what it already holds;
 * {@link dev.pagewalk.sink.ForwardingSink} decorates one; {@link dev.pagewalk.sink.JsonLinesSink}
 * writes a JSON Lines file or stream, with the {@link dev.pagewalk.sink.JsonLinesWriter} an
 * embedder may also use for records from a callback. Keys are stored in the canonical form of
 * {@link dev.pagewalk.sink.RecordKeys}, which {@link dev.pagewalk.sink.KeyListing} returns and
 * {@link dev.pagewalk.sink.Reconciliation} compares.
 *
 * <p>Depends on: the API ({@code dev.pagewalk}, {@code state}); internally on {@code files} (I/O
 * messages) and {@code http} (plain number text).
 */
package dev.pagewalk.sink;
