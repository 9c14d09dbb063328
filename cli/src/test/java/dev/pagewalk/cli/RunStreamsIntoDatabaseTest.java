package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.sinks.DatabaseSink;
import dev.pagewalk.sinks.Sinks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pagewalk run} of a connector into SQLite and PostgreSQL: one table per stream. */
class RunStreamsIntoDatabaseTest {
  MockServer api;
  final Cli cli = Cli.plain();
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void start() throws Exception {
    api = new MockServer();
    api.server.stubFor(
        get(urlPathEqualTo("/orders")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
    api.server.stubFor(
        get(urlPathEqualTo("/orders/1/lines")).willReturn(okJson("[{\"n\":1},{\"n\":2}]")));
    api.server.stubFor(get(urlPathEqualTo("/orders/2/lines")).willReturn(okJson("[{\"n\":1}]")));
    spec = dir.resolve("shop.yaml");
    Files.writeString(spec, RunStreamsTest.SPEC);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  void runsIntoOneTablePerStream(String out) throws Exception {
    for (int run = 0; run < 2; run++) {
      Cli.Result r = cli.run("run", spec.toString(), "--base-url", api.url(), "--out", out, "-q");
      assertThat(r.err()).isEmpty();
      assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
      assertThat(r.out()).isEmpty();
    }
    try (DatabaseSink db = Sinks.database(out)) {
      assertThat(db.keys("shop", "orders")).containsExactly("1", "2");
      assertThat(db.keys("shop", "lines")).containsExactly("[1,1]", "[1,2]", "[2,1]");
    }
  }

  @Test
  void sqliteHoldsOneTablePerStreamAndARerunUpsertsByKey() throws Exception {
    runsIntoOneTablePerStream("sqlite:" + dir.resolve("shop.db"));
  }

  @Test
  void postgresqlHoldsOneTablePerStreamAndARerunUpsertsByKey() throws Exception {
    runsIntoOneTablePerStream(EmbeddedPg.newDatabase("streams"));
  }

  @Test
  void syncNameNamesTheTablesAndReplaceEmptiesThem() throws Exception {
    String out = "sqlite:" + dir.resolve("shop.db");
    Cli.Result first =
        cli.run("run", spec.toString(), "--base-url", api.url(), "--out", out, "--sync-name", "eu");
    assertThat(first.code()).isEqualTo(ExitCodes.COMPLETE);
    api.server.stubFor(get(urlPathEqualTo("/orders")).willReturn(okJson("[{\"id\":2}]")));
    Cli.Result replaced =
        cli.run(
            "run",
            spec.toString(),
            "--base-url",
            api.url(),
            "--out",
            out,
            "--sync-name",
            "eu",
            "--replace",
            "-q");
    assertThat(replaced.err()).isEmpty();
    try (DatabaseSink db = Sinks.database(out)) {
      assertThat(db.keys("eu", "orders")).containsExactly("2");
      assertThat(db.keys("eu", "lines")).containsExactly("[2,1]");
      assertThat(db.count("shop", "orders")).isZero();
    }
  }

  @Test
  void aStreamWhoseNameCannotBeATableIsRefusedBeforeAnyRequest() throws Exception {
    String name = "x".repeat(60);
    Files.writeString(spec, RunStreamsTest.SPEC.replace("lines", name));
    String out = "sqlite:" + dir.resolve("shop.db");
    Cli.Result r = cli.run("run", spec.toString(), "--base-url", api.url(), "--out", out);
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk run: cannot write --out "
                + out
                + ": "
                + spec
                + ": stream '"
                + name
                + "' cannot name a table: \"shop."
                + name
                + "\" is 65 characters long and a table name is at most 63 (PostgreSQL cuts"
                + " longer ones); shorten the stream's name or give the run a shorter"
                + " --sync-name\n");
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }
}
