package dev.pagewalk.audit;

import java.util.List;
import java.util.Map;

/**
 * What the auditor learns from one accepted page: its number, the request (redacted), the
 * paging state it was sent with, status and attempts, raw item count, the first and last key
 * delivered, the keys dropped as already seen, the API's total if the spec reads one, and the
 * order tuples and sequential ids of the page's records.
 */
public record PageFacts(
    long page,
    String request,
    Map<String, Object> pagingState,
    int status,
    int attempts,
    int received,
    int filtered,
    List<Object> keys,
    List<Object> duplicateKeys,
    Object total,
    List<Object> firstOrder,
    List<Object> lastOrder,
    List<Long> sequentialIds,
    long durationMillis) {}
