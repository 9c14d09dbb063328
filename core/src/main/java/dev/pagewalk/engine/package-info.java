/**
 * The page loop. {@code Engine} is the entry: it binds the inputs and decides where a sync starts
 * (from the beginning, a checkpoint or a watermark: {@code engine.start}), opens the sink, then
 * runs the plan's request chain ({@code Walks}: the first walk, a restart from the watermark, the
 * re-walks drift asks for) and turns what happened into a result and a report. {@code ChainRunner}
 * walks one request, page by page:
 *
 * <ol>
 *   <li>build the request from the plan's templates and the paging variables ({@code
 *       engine.request}: {@code RequestBuilder}, {@code RunState});
 *   <li>send it through the request pipeline ({@code engine.send}: retry with backoff and {@code
 *       Retry-After}, read-ahead, cancel, pace, the auth slot; then {@code http.Exchanger}:
 *       redirects, network guard, limits, the one-hop transport), which returns an {@code Exchange}
 *       that {@code Tally} folds into the run's {@code RunStats};
 *   <li>read the response into a page of records ({@code engine.page}: {@code ResponseReader},
 *       {@code PageExtractor});
 *   <li>accept the page: keys, duplicates, loop detection, completeness evidence ({@code
 *       engine.page}: {@code PageAcceptor}, {@code KeySet}, {@code LoopGuard});
 *   <li>decide: a cap, {@code response.limit}, {@code condition}, the empty-page rule — stop, or
 *       build the next request ({@code StopRules}, {@code Decision});
 *   <li>write the records and the checkpoint that names the next request ({@code PageWrite}, {@code
 *       PageWriter}, {@code Checkpoints}).
 * </ol>
 *
 * <p>This package uses its steps ({@code engine.start}, {@code engine.request}, {@code
 * engine.page}, {@code engine.send}); none of them uses it ({@code ArchitectureTest} pins the
 * layers).
 *
 * <p>Not exported: {@code Engine} is public only so that {@link dev.pagewalk.Runner} can call it;
 * the module does not export this package, so embedders cannot.
 *
 * <p>Depends on: {@code plan}, {@code expr}, {@code http}, {@code retry}, {@code audit}, and the
 * API ({@code dev.pagewalk}, {@code sink}, {@code state}).
 */
package dev.pagewalk.engine;
