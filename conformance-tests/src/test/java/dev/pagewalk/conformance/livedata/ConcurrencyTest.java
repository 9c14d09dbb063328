package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void countsEveryConcurrentRequestOnceAndAppliesEachMutationOnce() throws Exception {
    try (LiveDataServer server =
        LiveDataServer.start(
            LiveDataConfig.builder()
                .size(10)
                .mutation(new Mutation.InsertHead(5, 2))
                .mutation(new Mutation.InsertTail(17, 3))
                .build())) {
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          statuses.add(pool.submit(() -> new TestClient(server).get("/items?offset=0").status()));
        }
        for (Future<Integer> status : statuses) {
          assertThat(status.get()).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(server.requestCount()).isEqualTo(30);
      assertThat(server.requests()).hasSize(30).containsOnly("/items?offset=0");
      assertThat(server.dataset().insertedIds()).containsExactlyInAnyOrder(11L, 12L, 13L, 14L, 15L);
    }
  }
}
