/**
 * Where records go (API). A {@link dev.pagewalk.sink.RecordSink} stores each page of records with
 * its checkpoint; {@link dev.pagewalk.sink.WriteMode} says what happens to what it already holds;
 * {@link dev.pagewalk.sink.ForwardingSink} decorates one; {@link dev.pagewalk.sink.JsonLinesSink}
 * writes a JSON Lines file or stream. A connector run writes into a {@link
 * dev.pagewalk.sink.WalkSink}: each page of a walk with the walk's checkpoint and the walks it
 * spawned; its JSON Lines form writes one file per stream and a walk journal. Keys are stored in
 * one canonical text form (a string key as it is, any other value as compact JSON), which {@link
 * dev.pagewalk.sink.KeyListing} returns and {@link dev.pagewalk.sink.Reconciliation} compares.
 *
 * <p>Depends on: the API ({@code dev.pagewalk}, {@code state}); internally on {@code files} (I/O
 * messages) and {@code json} (the JSON Lines writer, the canonical key text).
 */
package dev.pagewalk.sink;
