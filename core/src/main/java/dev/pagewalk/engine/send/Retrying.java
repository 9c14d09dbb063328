package dev.pagewalk.engine.send;

import dev.pagewalk.RunListener;
import dev.pagewalk.Sleeper;
import dev.pagewalk.plan.RetryPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * What a {@link Pipeline} retries by, the same for a walk's pipeline and the one that obtains
 * credentials: the spec named {@code spec} (the start of every message), its retry {@code plan} and
 * {@code statuses}, the run's retry {@code budget} (shared by the run's walks), how a {@code
 * Retry-After} value reads as a wait from the instant given, and the clock, sleeper, listener and
 * jitter source.
 */
public record Retrying(
    String spec,
    RetryPlan plan,
    Statuses statuses,
    RetryBudget budget,
    BiFunction<String, Instant, Optional<Duration>> retryAfter,
    Clock clock,
    Sleeper sleeper,
    RunListener listener,
    RandomGenerator random) {}
