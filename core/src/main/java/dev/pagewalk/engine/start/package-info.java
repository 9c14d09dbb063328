/**
 * How a run begins, decided before any request is sent:
 *
 * <pre>
 * Engine ── InputBinder.bind(...)      inputs checked against their declarations, defaults
 *   │                                  applied, patterns matched with a bound (BoundedMatch)
 *   ├── SyncStart.decide(...)          replace, resume from a checkpoint, or append from a
 *   │                                  watermark: the write mode, the inputs, the notes
 *   │     └── SavedOrigin              a saved request is sent only to the origin it came from
 *   └── ResumePoint                    where a resumed walk starts: page, pagination, temp, request
 * </pre>
 *
 * <p>Depends on: {@code engine.request} (the run state a start binds, the secret placeholders a
 * checkpoint is read with), {@code plan}, {@code expr}, {@code http}, and the API. Never on the
 * page loop ({@code engine}) itself.
 */
package dev.pagewalk.engine.start;
