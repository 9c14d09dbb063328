package dev.pagewalk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Not a benchmark: the memory bound. A million records with a key, walked by pagewalk in a
 * child JVM with a 64 MB heap, must complete — memory is bounded by the page, plus 8 bytes per key
 * for run-wide de-duplication. (A single 16 MB key table, doubling in place, once failed here with
 * OutOfMemoryError.)
 */
class SmallHeapTest {
  @Test
  void aMillionKeyedRecordsWalkInA64MegabyteHeap() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Compare.class.getName(),
                    "--sides",
                    "pagewalk",
                    "--styles",
                    "token",
                    "--records",
                    "1000000",
                    "--rounds",
                    "1",
                    "--warmup-records",
                    "1000",
                    "--warmup-rounds",
                    "1"))
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text)
        .contains("max heap 64 MB")
        .containsPattern("token +page +1000 +1,000,000 records +pagewalk");
  }
}
