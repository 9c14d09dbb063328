package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint edited by someone with write access to the state directory: a resume from it is
 * refused before anything is written or sent, instead of losing records, writing NUL bytes or
 * tearing a line, or sending the credentials to another host.
 */
class TamperedCheckpointTest {
  static final String FIRST_PAGE = "{\"id\":1,\"name\":\"ä\"}\n{\"id\":2,\"price\":1.50}\n";

  @TempDir Path dir;
  final Cli cli = Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN));
  MockServer api;
  Path out;
  Path checkpoint;

  @BeforeEach
  void firstRunStopsAfterPageOne() throws Exception {
    // page 2 refused without retries: the run stops after page 1, with its checkpoint
    api = new MockServer().withTwoPages().refusingPageTwo();
    out = dir.resolve("items.jsonl");
    checkpoint = dir.resolve(".pagewalk-state/items.checkpoint.json");
    assertThat(run().code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(Files.readString(out)).isEqualTo(FIRST_PAGE);
    api.healed();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  Cli.Result run(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                SyncSafetyProcessTest.SPEC,
                "-c",
                "token=env:TOKEN",
                "--base-url",
                api.url(),
                "-o",
                out.toString()));
    args.addAll(List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  void edit(String field, String value) throws Exception {
    String json = Files.readString(checkpoint, StandardCharsets.UTF_8);
    String edited =
        json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|-?[0-9]+)", "\"" + field + "\":" + value);
    assertThat(edited).isNotEqualTo(json);
    Files.writeString(checkpoint, edited, StandardCharsets.UTF_8);
    // as someone who can also read the state's key: the checks behind the seal must hold
    Reseal.checkpoint(checkpoint, "items");
  }

  void assertRefused(Cli.Result resumed, String message) throws Exception {
    assertThat(resumed.err())
        .isEqualTo("pagewalk run: items: cannot open the sink: " + message + "\n");
    assertThat(resumed.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(out)).isEqualTo(FIRST_PAGE);
    api.server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aNegativeSinkPositionIsRefusedInsteadOfEmptyingTheFile() throws Exception {
    edit("sinkPosition", "-40");

    assertRefused(
        run("--resume"),
        "cannot resume from "
            + checkpoint
            + ": it says "
            + out
            + " held -40 bytes, which is not a position in a file; the checkpoint was changed,"
            + " start the file over with --replace");
  }

  @Test
  void aSinkPositionPastTheEndIsRefused() throws Exception {
    edit("sinkPosition", "1048576");

    assertRefused(
        run("--resume"),
        "cannot resume from "
            + checkpoint
            + ": it says "
            + out
            + " held 1048576 bytes, but it holds 43; the file or the checkpoint was changed,"
            + " start the file over with --replace");
  }

  @Test
  void aSinkPositionInsideALineIsRefused() throws Exception {
    edit("sinkPosition", "10");

    assertRefused(
        run("--resume"),
        "cannot resume from "
            + checkpoint
            + ": it says "
            + out
            + " held 10 bytes, which is inside a line (a record would be torn); the file or the"
            + " checkpoint was changed, start the file over with --replace");
  }

  @Test
  void aNextUrlEditedToAnotherHostIsRefusedAndThatHostGetsNothing() throws Exception {
    try (MockServer foreign = new MockServer().withTwoPages()) {
      edit("url", "\"" + foreign.url() + "/items?limit=2&cursor=c2\"");

      assertHostRefused(run("--resume"), foreign);
    }
  }

  @Test
  void aRelativeNextUrlEditedToSmuggleAnotherHostIsRefused() throws Exception {
    try (MockServer foreign = new MockServer().withTwoPages()) {
      // {{baseUrl}}@host/... reads as http://127.0.0.1:PORT@host/... : user info, then another host
      edit(
          "url",
          "\"{{baseUrl}}@"
              + foreign.url().substring("http://".length())
              + "/items?limit=2&cursor=c2\"");

      assertHostRefused(run("--resume"), foreign);
    }
  }

  void assertHostRefused(Cli.Result resumed, MockServer foreign) throws Exception {
    String host = foreign.url().substring("http://".length());
    assertThat(resumed.err())
        .isEqualTo(
            "pagewalk run: items: cannot resume: the checkpoint's"
                + " next request goes to "
                + host
                + ", which is not the base URL's origin ("
                + api.url()
                + ") nor in network.allowHosts; the checkpoint was changed, start over with --replace\n");
    assertThat(resumed.err()).doesNotContain(MockServer.TOKEN);
    assertThat(resumed.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(out)).isEqualTo(FIRST_PAGE);
    foreign.server.verify(0, anyRequestedFor(anyUrl()));
    api.server.verify(0, anyRequestedFor(anyUrl()));
  }
}
