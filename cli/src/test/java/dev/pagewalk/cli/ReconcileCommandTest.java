package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileCommandTest {
  @TempDir Path dir;

  @Test
  void namesTheKeysTheDestinationLacksAndExitsThree() {
    try (MockServer api = new MockServer().withTwoPages()) {
      String db = "sqlite:" + dir.resolve("out.db");
      String[] common = {
        RunCommandTest.SPEC, "--base-url", api.url(), "-c", "token=" + MockServer.TOKEN
      };
      Cli.Result partial =
          Cli.plain()
              .run(concat(new String[] {"run", "--out", db, "--max-records", "2", "-q"}, common));
      assertThat(partial.code()).isEqualTo(ExitCodes.TRUNCATED);

      Cli.Result r = Cli.plain().run(concat(new String[] {"reconcile", "--out", db}, common));
      assertThat(r.code()).isEqualTo(ExitCodes.TRUNCATED);
      assertThat(r.out())
          .isEqualTo(
              "OUT OF SYNC: API 3 keys, destination 2 keys; missing 1 [3], extra 0 (walk: condition-false)\n");

      Cli.Result full = Cli.plain().run(concat(new String[] {"run", "--out", db, "-q"}, common));
      assertThat(full.code()).isZero();
      Cli.Result again = Cli.plain().run(concat(new String[] {"reconcile", "--out", db}, common));
      assertThat(again.code()).isZero();
      assertThat(again.out()).startsWith("IN SYNC: API 3 keys, destination 3 keys");
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
