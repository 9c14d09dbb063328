package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.time.Duration;

/** The compiled {@code repeat} block: re-send while {@code condition} (sees temp) holds. */
public record RepeatPlan(Template condition, Duration delay, int limit) {}
