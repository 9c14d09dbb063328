package dev.pagewalk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.report.Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The total check compares the API's own count with the records collected, and says why not. */
class TotalCheckTest {
  private static Check totalCheck(long collected, Object... totals) {
    Auditor auditor = new Auditor(true, true, false, false);
    for (int i = 0; i < totals.length; i++) {
      auditor.page(
          new PageFacts(
              i + 1,
              "GET /items",
              Map.of(),
              200,
              1,
              2,
              0,
              2,
              0,
              null,
              null,
              List.of(),
              totals[i],
              null,
              null,
              List.of(),
              1));
    }
    return auditor.checks(collected, false).get(0);
  }

  @Test
  void passesWhenTheNumbersAgree() {
    Check check = totalCheck(7, 7L, 7L);
    assertThat(check.outcome()).isEqualTo(Check.Outcome.PASS);
    assertThat(check.summary()).isEqualTo("API total 7 = 7 distinct records collected");
  }

  @Test
  void failsOnATotalReadAsTextAndSaysToParseIt() {
    Check check = totalCheck(7, "7", "7");
    assertThat(check.outcome()).isEqualTo(Check.Outcome.FAIL);
    assertThat(check.summary())
        .isEqualTo(
            "the API's total is the text '7' but 7 records were"
                + " counted — use parseNumber(...) in audit.total");
  }

  @Test
  void saysATextTotalThatIsNoNumberIsNotANumber() {
    Check check = totalCheck(7, "seven");
    assertThat(check.outcome()).isEqualTo(Check.Outcome.FAIL);
    assertThat(check.summary())
        .isEqualTo(
            "the API's total is the text 'seven', not a number;"
                + " 7 records were counted — audit.total must give a number");
  }

  @Test
  void aTextTotalOfAnotherNumberStillNamesBothAndTheFix() {
    Check check = totalCheck(5, "7");
    assertThat(check.outcome()).isEqualTo(Check.Outcome.FAIL);
    assertThat(check.summary())
        .isEqualTo(
            "the API's total is the text '7' and 5 records were"
                + " counted — use parseNumber(...) in audit.total to compare numbers");
  }
}
