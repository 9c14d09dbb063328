package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint edited where it stays within every other rule (the same host, plausible counters, a
 * line boundary) no longer verifies against the seal the run put on it, keyed by the state
 * directory's own key: a real process refuses the resume, exit 64, before anything is sent.
 */
class SealedCheckpointProcessTest {
  static final String FIRST_PAGE = TamperedCheckpointTest.FIRST_PAGE;
  static final Duration WITHIN = Duration.ofSeconds(60);

  @TempDir Path dir;
  MockServer api;
  Path out;
  Path state;
  Path checkpoint;

  @BeforeEach
  void firstRunStopsAfterPageOne() throws Exception {
    // page 2 refused without retries: the run stops after page 1, with its checkpoint
    api = new MockServer().withTwoPages().refusingPageTwo();
    out = dir.resolve("items.jsonl");
    state = dir.resolve(".pagewalk-state");
    checkpoint = state.resolve("items.checkpoint.json");
    assertThat(run().code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(Files.readString(out)).isEqualTo(FIRST_PAGE);
    api.healed();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  CliProcess.Result run(String... options) throws Exception {
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
    return CliProcess.in(dir, Map.of("TOKEN", MockServer.TOKEN))
        .run(WITHIN, args.toArray(String[]::new));
  }

  void edit(String from, String to) throws Exception {
    String json = Files.readString(checkpoint, StandardCharsets.UTF_8);
    String edited = json.replaceFirst(from, to);
    assertThat(edited).isNotEqualTo(json);
    Files.writeString(checkpoint, edited, StandardCharsets.UTF_8);
  }

  void assertRefused(CliProcess.Result resumed, String why) throws Exception {
    assertThat(resumed.err())
        .isEqualTo(
            "pagewalk run: items: cannot trust the checkpoint "
                + checkpoint
                + ": "
                + why
                + "; start over with --replace\n");
    assertThat(resumed.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(out)).isEqualTo(FIRST_PAGE);
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }

  String changed() {
    return "it does not match its seal (keyed by "
        + state.resolve("checkpoints.key")
        + "), so it was changed outside pagewalk";
  }

  @Test
  void theKeyIsPrivateToItsOwnerAndAnUntouchedCheckpointResumes() throws Exception {
    Path key = state.resolve("checkpoints.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(checkpoint)).containsPattern(",\"seal\":\"[0-9a-f]{64}\"}$");

    CliProcess.Result resumed = run("--resume");

    assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(Files.readString(out)).isEqualTo(FIRST_PAGE + "{\"id\":3,\"tags\":[\"x\"]}\n");
  }

  @Test
  void aNextUrlEditedOnTheSameHostIsRefused() throws Exception {
    edit("cursor=c2", "cursor=c9");

    assertRefused(run("--resume"), changed());
  }

  @Test
  void editedCountersAreRefused() throws Exception {
    edit("\"recordsEmitted\":2", "\"recordsEmitted\":0");

    assertRefused(run("--resume"), changed());
  }

  @Test
  void anEditedSinkPositionIsRefused() throws Exception {
    edit("\"sinkPosition\":[0-9]+", "\"sinkPosition\":0");

    assertRefused(run("--resume"), changed());
  }

  @Test
  void aCheckpointStrippedOfItsSealIsRefused() throws Exception {
    edit(",\"seal\":\"[0-9a-f]{64}\"}$", "}");

    assertRefused(
        run("--resume"),
        "it carries no seal, but "
            + state.resolve("checkpoints.key")
            + " exists, so it was changed outside pagewalk");
  }
}
