/**
 * The page loop. {@code Engine} is the entry: it binds the inputs, opens the sink and decides where
 * a sync starts (from the beginning, a checkpoint or a watermark), then runs the plan's request
 * chain and turns what happened into a result and a report. Per page:
 *
 * <ol>
 *   <li>build the request from the plan's templates and the paging variables ({@code
 *       RequestBuilder});
 *   <li>send it: pacing, retries with backoff and {@code Retry-After}, and the read-ahead that
 *       sends the next page's request while this one is written ({@code Sender}, {@code
 *       ReadAhead});
 *   <li>read the response into a page of records ({@code ResponseReader}, {@code PageExtractor});
 *   <li>accept the page: keys, duplicates, loop detection, completeness evidence ({@code
 *       PageAcceptor}, {@code KeySet}, {@code LoopGuard});
 *   <li>decide: a cap, {@code response.limit}, {@code condition}, the empty-page rule — stop, or
 *       build the next request ({@code ChainRunner});
 *   <li>write the records and the checkpoint that names the next request ({@code PageWriter},
 *       {@code Checkpoints}).
 * </ol>
 *
 * <p>Not exported: {@code Engine} is public only so that {@link dev.pagewalk.Runner} can call it;
 * the module does not export this package, so embedders cannot.
 *
 * <p>Depends on: {@code plan}, {@code expr}, {@code http}, {@code retry}, {@code audit}, and the
 * API ({@code dev.pagewalk}, {@code sink}, {@code state}).
 */
package dev.pagewalk.engine;
