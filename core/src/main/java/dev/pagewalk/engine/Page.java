package dev.pagewalk.engine;

import dev.pagewalk.OutputRecord;
import java.util.List;

/**
 * The records of one accepted page. {@code received} counts the items {@code iterate} returned,
 * before filtering; {@code truncated} says a limit cut the page short.
 */
record Page(List<OutputRecord> records, int received, int filtered, boolean truncated) {}
