/**
 * Connectors: a layer above the page loop. A connector run is many walks — one run of the engine
 * over a stream's plan, with {@code parent}, {@code partition} and {@code stream} in scope — on a
 * bounded pool of walk threads ({@code WalkPool}), under one rate limit and one retry budget
 * ({@code engine.Shared}). {@code ConnectorRun} starts the walks of the streams without a parent
 * (one per partition, or one), starts a child walk for each record a parent delivers, and folds
 * each walk's result into its stream ({@code StreamTally}); {@code ConnectorReport} turns the
 * outcome into the report. {@code ConnectorSync} runs into a {@code WalkSink}: each page is
 * committed with its walk's checkpoint and the walks it spawned, and a resumed run continues only
 * the walks that had not finished.
 *
 * <p>Depends on: {@code engine}, {@code plan}, {@code expr}, {@code json}, {@code sink}, {@code
 * state}, {@code audit} (the caps' advice), and the API ({@code dev.pagewalk}, {@code report}).
 */
package dev.pagewalk.connector;
