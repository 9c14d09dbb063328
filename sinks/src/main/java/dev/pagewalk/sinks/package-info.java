/**
 * Durable {@link dev.pagewalk.sink.RecordSink}s: SQLite and PostgreSQL, where each page's records
 * and the checkpoint that follows them are written in one transaction, and {@link
 * dev.pagewalk.sinks.Sinks#fromUri} which turns a {@code --out} target into a sink.
 */
package dev.pagewalk.sinks;
