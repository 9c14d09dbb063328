package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One compiled template serves many concurrent runs with different bindings. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int EVALUATIONS = 5_000;

  @Test
  void evaluatesConcurrentlyWithDifferentBindings() throws Exception {
    Template template =
        Expr.compile(
            Map.of(
                "page", "{{pagination.page + 1}}",
                "id", "{{item.id}}",
                "label",
                    "t{{item.thread}}-{{upper(item.name)}}-{{item.id % 2 = 0 ? 'even' : 'odd'}}",
                "last", "{{last(body.data).id}}",
                "cursor", "{{item.id > 100000 ? body.none : 'c' + item.id}}"));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                int wrong = 0;
                for (long i = 0; i < EVALUATIONS; i++) {
                  long id = thread * 1_000_000L + i;
                  Map<String, Object> vars =
                      Map.of(
                          "pagination", Map.of("page", i),
                          "item", Map.of("id", id, "thread", (long) thread, "name", "n" + i),
                          "body", Map.of("data", List.of(Map.of("id", i), Map.of("id", id))));
                  Map<String, Object> expected = new java.util.LinkedHashMap<>();
                  expected.put("page", i + 1);
                  expected.put("id", id);
                  expected.put(
                      "label", "t" + thread + "-N" + i + "-" + (id % 2 == 0 ? "even" : "odd"));
                  expected.put("last", id);
                  if (id <= 100000) {
                    expected.put("cursor", "c" + id);
                  }
                  if (!expected.equals(template.evaluate(vars::get))) {
                    wrong++;
                  }
                }
                return wrong;
              }));
    }
    start.countDown();
    int wrong = 0;
    for (Future<Integer> f : results) {
      wrong += f.get();
    }
    pool.shutdown();
    assertThat(wrong).isZero();
  }

  /**
   * MVEL optimizes a compiled tree on its first evaluations and keeps the accessors in the tree:
   * fresh templates raced from their very first evaluation still give every thread its own answer.
   */
  @Test
  void firstEvaluationsOfAFreshTemplateRaceSafely() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int wrong = 0;
    for (int round = 0; round < 20; round++) {
      Template template =
          Expr.compile(
              Map.of(
                  "ok", "{{item.id > 2 && item.name != 'n3' || item.id == 0}}",
                  "pick", "{{item.id % 2 = 0 ? upper(item.name) : item.name + '!'}}"));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int bad = 0;
                  for (long i = 0; i < 100; i++) {
                    long id = (i + thread) % 7;
                    Map<String, Object> vars = Map.of("item", Map.of("id", id, "name", "n" + id));
                    Map<String, Object> expected =
                        Map.of(
                            "ok",
                            id > 2 && id != 3 || id == 0,
                            "pick",
                            id % 2 == 0 ? "N" + id : "n" + id + "!");
                    if (!expected.equals(template.evaluate(vars::get))) {
                      bad++;
                    }
                  }
                  return bad;
                }));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        wrong += f.get();
      }
    }
    pool.shutdown();
    assertThat(wrong).isZero();
  }
}
