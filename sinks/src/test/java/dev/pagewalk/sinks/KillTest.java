package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability proof: a sync of 20,000 records (100 pages) runs in a child JVM that is killed
 * with SIGKILL at random moments, or halts itself between storing a page and its checkpoint, and is
 * resumed each time until a run completes. The destination must then hold exactly the dataset's
 * records: none missing, none twice.
 */
@Timeout(value = 100, unit = TimeUnit.SECONDS)
class KillTest {
  static final int RECORDS = 20_000;
  static final int PAGE_SIZE = 200;
  static final String PAGE_DELAY = "30ms";
  static final int KILLS = 10;
  static final Set<Integer> HALTING_LIVES = Set.of(3, 7, 11);
  static final String STREAM = "live-items";

  static LiveDataServer server;
  @TempDir Path dir;

  @BeforeAll
  static void startMock() {
    server =
        LiveDataServer.start(
            LiveDataConfig.fromMap(
                Map.of(
                    "dataset",
                    Map.of("size", RECORDS, "seed", 11),
                    "style",
                    "token",
                    "pageSize",
                    PAGE_SIZE,
                    "maxPageSize",
                    PAGE_SIZE)));
  }

  @AfterAll
  static void stopMock() {
    server.close();
  }

  @Test
  void jsonLinesFileHoldsEveryRecordOnceAfterRepeatedKills() throws Exception {
    Path file = dir.resolve("out.jsonl");
    Ordeal ordeal = survive("jsonl", file.toString(), dir.resolve("state").toString(), 101);

    List<String> lines = Files.readAllLines(file);
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      ids.add(json.readTree(line).get("id").asText());
    }
    assertThat(lines).hasSize(RECORDS);
    assertThat(new HashSet<>(ids)).hasSize(RECORDS).isEqualTo(expectedIds());
    ordeal.check();
  }

  @Test
  void sqliteHoldsEveryRecordOnceAfterRepeatedKills() throws Exception {
    Path db = dir.resolve("out.db");
    Ordeal ordeal = survive("sqlite", "sqlite:" + db, "-", 202);

    try (DatabaseSink sink = SqliteSink.open(db)) {
      assertThat(sink.count(STREAM)).isEqualTo(RECORDS);
      assertThat(sink.keys(STREAM)).isEqualTo(expectedIds());
    }
    ordeal.check();
  }

  @Test
  void postgresHoldsEveryRecordOnceAfterRepeatedKills() throws Exception {
    String url = EmbeddedPg.newDatabase("kill");
    Ordeal ordeal = survive("postgresql", url, "-", 303);

    try (DatabaseSink sink = PostgresSink.open(url, null, null)) {
      assertThat(sink.count(STREAM)).isEqualTo(RECORDS);
      assertThat(sink.keys(STREAM)).isEqualTo(expectedIds());
    }
    ordeal.check();
  }

  static Set<String> expectedIds() {
    return DatabaseSinkContract.ids(server.dataset().currentIds());
  }

  /** What one sink went through: kills, self-halts, resumes and the last life's notes. */
  record Ordeal(
      String sink, int lives, int kills, int halts, int resumes, List<String> finalLines) {
    void check() {
      assertThat(kills).as("SIGKILLs").isGreaterThanOrEqualTo(KILLS);
      assertThat(halts).as("halts between records and checkpoint").isEqualTo(HALTING_LIVES.size());
      assertThat(finalLines).contains("done condition-false");
      assertThat(finalLines).anyMatch(l -> l.startsWith("note resumed run "));
    }
  }

  private Ordeal survive(String name, String uri, String stateDir, long seed) throws Exception {
    Random random = new Random(seed);
    int kills = 0;
    int halts = 0;
    int resumes = 0;
    long started = System.nanoTime();
    for (int life = 1; ; life++) {
      boolean halting = HALTING_LIVES.contains(life);
      Path stderr = dir.resolve(name + "-life-" + life + ".err");
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-XX:-UsePerfData",
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  KillTarget.class.getName(),
                  uri,
                  stateDir,
                  server.baseUrl(),
                  Integer.toString(PAGE_SIZE),
                  PAGE_DELAY,
                  Integer.toString(halting ? 1 + random.nextInt(4) : 0))
              .redirectError(stderr.toFile())
              .start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      List<String> seen = new ArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                  }
                } catch (java.io.IOException e) {
                  // the child was killed
                }
              });
      reader.start();
      boolean killed = false;
      if (!halting && kills < KILLS) {
        long delay = random.nextInt(250);
        if (kills % 4 == 3) {
          Thread.sleep(delay + random.nextInt(650)); // anywhere: start-up, resume, first page
        } else {
          awaitFirstPage(lines, seen, child);
          Thread.sleep(delay);
        }
        if (child.isAlive()) {
          child.destroyForcibly();
          killed = true;
        }
      }
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        fail(name + " life " + life + " did not finish within 60 s");
      }
      reader.join(5_000);
      lines.drainTo(seen);
      if (seen.stream().anyMatch(l -> l.startsWith("checkpoint running"))) {
        resumes++;
      }
      if (killed) {
        kills++;
      } else if (child.exitValue() == KillTarget.HALTED) {
        halts++;
      } else if (child.exitValue() == 0) {
        Ordeal ordeal = new Ordeal(name, life, kills, halts, resumes, seen);
        System.out.printf(
            "kill test %s: %d records, %d lives, %d SIGKILLs, %d halts between"
                + " records and checkpoint, %d resumes, %.1f s%n",
            name, RECORDS, life, kills, halts, resumes, (System.nanoTime() - started) / 1e9);
        return ordeal;
      } else {
        fail(
            name
                + " life "
                + life
                + " exited with "
                + child.exitValue()
                + ":\n"
                + String.join("\n", seen)
                + "\n"
                + Files.readString(stderr));
      }
    }
  }

  private static void awaitFirstPage(BlockingQueue<String> lines, List<String> seen, Process child)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && child.isAlive()) {
      String line = lines.poll(50, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (line.startsWith("page ")) {
          return;
        }
      }
    }
  }
}
