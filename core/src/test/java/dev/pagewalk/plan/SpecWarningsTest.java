package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.spec.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Make's default caps are warned about only where they can cut a walk short: when it paginates. */
class SpecWarningsTest {
  private static final String HEAD = "pagewalk: 1\nname: items\nbaseUrl: https://x.invalid\n";

  private static List<String> warnings(String yaml) {
    return SpecWarnings.of(SpecReader.read("items.yaml", yaml)).stream()
        .map(Diagnostic::headline)
        .toList();
  }

  @Test
  void aSpecWithoutPaginationGetsNone() {
    assertThat(warnings(HEAD + "request:\n  url: /items\n")).isEmpty();
  }

  @Test
  void aSpecWithEveryCountCapSetGetsNone() {
    assertThat(
            warnings(
                HEAD
                    + "limits: {maxRequests: 10, maxPaginationRequests: unlimited,"
                    + " maxRecords: 5000}\nrequest:\n  url: /items\n  pagination: {qs: {p: 2}}\n"))
        .isEmpty();
  }

  @Test
  void findsThePaginationOfTheLastRequestOfAChain() {
    assertThat(
            warnings(
                HEAD
                    + "limits: {timeout: 5s}\nrequests:\n  - url: /token\n"
                    + "  - url: /items\n    pagination: {qs: {p: 2}}\n"))
        .containsExactly(
            "items.yaml:4:1: this spec uses Make's default caps: 100 requests,"
                + " 50 pagination requests, 3,200 records; a run that reaches one stops, truncated");
  }
}
