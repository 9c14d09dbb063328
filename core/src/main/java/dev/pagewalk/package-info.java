/**
 * The API of pagewalk core: what an embedder loads, runs and gets back. {@link
 * dev.pagewalk.Pagewalk} loads a spec into an opaque {@link dev.pagewalk.Plan}; a {@link
 * dev.pagewalk.Runner}, built with the platform's plug-ins (transport, clock, {@link
 * dev.pagewalk.Sleeper}, {@link dev.pagewalk.RunListener}), runs it with a {@link
 * dev.pagewalk.RunInput} into records ({@link dev.pagewalk.OutputRecord}) or a sink, and returns a
 * {@link dev.pagewalk.RunResult} whose {@link dev.pagewalk.StopReason} says why the walk ended.
 * Failures are {@link dev.pagewalk.PagewalkException}s, each with a stable {@link
 * dev.pagewalk.ErrorCode}.
 *
 * <p>Depends on: the other API packages ({@code report}, {@code sink}, {@code spi}, {@code state});
 * the implementation only from its entry points — {@code Pagewalk} on {@code spec} and {@code
 * plan}, {@code Runner} on {@code engine}, {@code plan}, {@code http} (its default transport and
 * the guards above any transport) and {@code json} (the canonical key text a reconciliation
 * compares). Implementation packages depend on this one, not the other way round.
 */
package dev.pagewalk;
