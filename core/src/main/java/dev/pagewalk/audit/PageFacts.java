package dev.pagewalk.audit;

import java.util.List;
import java.util.Map;

/**
 * One accepted page, described once: the auditor's evidence and, with the run's running total, the
 * listener's {@code RunListener.PageEvent}.
 *
 * @param page the page number, from 1
 * @param request the request, sanitized
 * @param pagingState the {@code pagination} variable the request was built with
 * @param status the response status
 * @param attempts requests sent for this page, retries included
 * @param received items {@code iterate} returned, before filtering
 * @param filtered of those, items dropped by {@code iterate.condition}
 * @param emitted records to deliver after filtering and de-duplication
 * @param dropped records built but not delivered: duplicates, already synced, beyond the boundary
 * @param firstKey the key of the first record delivered; null when none (or keyless)
 * @param lastKey the key of the last record delivered; null when none (or keyless)
 * @param duplicateKeys the keys of records already delivered earlier in the walk
 * @param total the API's own total when the spec reads one ({@code audit.total})
 * @param firstOrder the {@code sync.order} tuple of the page's first record; null without one
 * @param lastOrder the {@code sync.order} tuple of the page's last record; null without one
 * @param sequentialIds the {@code audit.sequentialId} of each record, in order
 * @param durationMillis how long the page's exchange took
 */
public record PageFacts(
    long page,
    String request,
    Map<String, Object> pagingState,
    int status,
    int attempts,
    int received,
    int filtered,
    int emitted,
    int dropped,
    Object firstKey,
    Object lastKey,
    List<Object> duplicateKeys,
    Object total,
    List<Object> firstOrder,
    List<Object> lastOrder,
    List<Long> sequentialIds,
    long durationMillis) {}
