package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A 60 MiB body of tiny objects, under the 64 MiB body cap and sent gzipped in well under a MiB,
 * decodes to over a gigabyte of heap. In a JVM with a 512 MiB heap (a child process, so the test's
 * own heap does not matter) the run must end with a clear failure of the page, not an
 * OutOfMemoryError.
 */
class MemoryAmplificationTest {
  @Test
  void aPageOfMillionsOfTinyRecordsFailsWithAClearErrorInASmallHeap() throws Exception {
    List<String> out = runVictim("60", "flat");
    assertThat(out.get(0)).matches("flat gzipped: \\d{2,3} KiB");
    assertThat(out.subList(1, 4))
        .containsExactly("flat stop: error", "flat requests: 1", "flat faults: {malformed-body=1}");
    // a quarter of the heap that the child JVM reports for -Xmx512m (512 MiB or somewhat under, by
    // collector)
    assertThat(out.get(4))
        .matches(
            "flat failure: amplified: "
                + Pattern.quote(
                    "GET http://SERVER/items returned an"
                        + " unreadable body (malformed-body): MalformedBodyException: JSON over a limit at line 1, column ")
                + "\\d+: decoded, the body would take more than 12\\d(\\.\\d)? MiB of memory \\(limit 12\\d(\\.\\d)? MiB\\)");
  }

  static List<String> runVictim(String... args) throws IOException, InterruptedException {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                AmplificationVictim.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text.lines().toList();
  }
}
