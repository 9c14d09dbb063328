package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** 100,000 parent walks in one run, in the default heap, with what each walk keeps measured. */
class ConnectorScaleTest {
  private static final int PARENTS = 100_000;

  private static final String SPEC =
      "pagewalk: 1\nname: many\nbaseUrl: http://api.test\nconcurrency: 4\n"
          + "limits: {maxRecords: unlimited, maxRequests: unlimited}\n"
          + "streams:\n"
          + "  parents:\n"
          + "    request:\n"
          + "      url: /parents\n"
          + "      response: {iterate: '{{body}}', key: '{{item}}'}\n"
          + "  children:\n"
          + "    parent: parents\n"
          + "    request:\n"
          + "      url: '/children/{{parent}}'\n"
          + "      response: {iterate: '{{body}}', key: ['{{parent}}', '{{item}}']}\n";

  private static String parents() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 1; i <= PARENTS; i++) {
      sb.append(i == 1 ? "" : ",").append(i);
    }
    return sb.append(']').toString();
  }

  @Test
  void runsAHundredThousandTinyParentWalksInTheDefaultHeap() {
    String all = parents();
    InProcessApi api =
        new InProcessApi(t -> InProcessApi.ok(t.equals("/parents") ? all : "[1]"), 0);
    Plan plan = Pagewalk.parse("many.yaml", SPEC);
    AtomicLong children = new AtomicLong();
    long before = usedAfterGc();
    long started = System.nanoTime();
    StreamsResult result;
    try (Runner runner = Runner.builder().transport(api).build()) {
      result =
          runner.runStreams(
              plan,
              RunInput.empty(),
              List.of(),
              (stream, r) -> {
                if (stream.equals("children")) {
                  children.incrementAndGet();
                }
              },
              RunListener.NONE);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    api.requests.clear();
    api.sentAt.clear();
    long retained = usedAfterGc() - before;
    assertThat(result.stream("children").orElseThrow().walks()).hasSize(PARENTS);
    assertThat(children.get()).isEqualTo(PARENTS);
    long perWalk = retained / PARENTS;
    System.out.printf(
        "%d parent walks in %d ms; max heap %d MiB; kept after the run %d KiB, %d bytes per walk%n",
        PARENTS, millis, Runtime.getRuntime().maxMemory() >> 20, retained >> 10, perWalk);
    assertThat(perWalk).as("bytes kept per walk").isLessThan(1024);
    assertThat(result).isNotNull();
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
