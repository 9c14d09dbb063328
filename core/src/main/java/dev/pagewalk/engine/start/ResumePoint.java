package dev.pagewalk.engine.start;

import dev.pagewalk.state.NextRequest;
import java.util.Map;

/** Where a resumed walk starts: the page number, pagination variables, temp changes, request. */
public record ResumePoint(
    long page, Map<String, Object> pagination, Map<String, Object> temp, NextRequest next) {}
