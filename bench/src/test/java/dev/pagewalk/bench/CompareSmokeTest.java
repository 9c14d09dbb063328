package dev.pagewalk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Not a benchmark: checks that every side of the comparison (the baseline, pagewalk, pagewalk
 * without read-ahead) walks every page of every style and writes byte-identical JSON Lines, on 10^4
 * records (timings are not asserted) — over HTTP, and in memory (every side reading the renderer's
 * bytes), where the output must not change either.
 */
class CompareSmokeTest {
  private static final long RECORDS = 10_000;
  private static PageServer server;
  private static Baseline baseline;
  private static PagewalkSide pagewalk;
  private static Baseline memoryBaseline;
  private static PagewalkSide memoryPagewalk;
  private static PagewalkSide serial;
  private static PagewalkSide memorySerial;

  @BeforeAll
  static void start() throws IOException {
    server = PageServer.start(Compare.SEED);
    baseline = new Baseline(null);
    pagewalk = new PagewalkSide(null, true, false);
    serial = new PagewalkSide(null, false, false);
    memoryBaseline = new Baseline(server);
    memoryPagewalk = new PagewalkSide(server, true, false);
    memorySerial = new PagewalkSide(server, false, false);
  }

  @AfterAll
  static void stop() {
    pagewalk.close();
    baseline.close();
    memoryPagewalk.close();
    serial.close();
    memorySerial.close();
    memoryBaseline.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Style.class)
  void bothSidesWriteTheSameRecords(Style style) throws IOException {
    long overHttp = sameRecords(style, baseline, pagewalk);
    long inMemory = sameRecords(style, memoryBaseline, memoryPagewalk);
    assertThat(inMemory).isEqualTo(overHttp);
    assertThat(sameRecords(style, baseline, serial)).isEqualTo(overHttp);
    assertThat(sameRecords(style, memoryBaseline, memorySerial)).isEqualTo(overHttp);
  }

  /**
   * With {@code --output identity} each side writes the items as sent (pagewalk copying their
   * bytes), and both write the same lines.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Style.class)
  void bothSidesWriteTheSameItemsAsSent(Style style) throws IOException {
    try (Baseline hand = new Baseline(null, true);
        PagewalkSide engine = new PagewalkSide(null, true, true);
        Baseline memoryHand = new Baseline(server, true);
        PagewalkSide memoryEngine = new PagewalkSide(server, false, true)) {
      assertThat(sameRecords(style, memoryHand, memoryEngine))
          .isEqualTo(sameRecords(style, hand, engine))
          .isNotEqualTo(sameRecords(style, baseline, pagewalk));
    }
  }

  /** Runs both sides, checks they agree, and returns the output's checksum. */
  private static long sameRecords(Style style, Baseline baseline, PagewalkSide pagewalk)
      throws IOException {
    String base = server.baseUrl(RECORDS);
    JsonLinesSink hand = JsonLinesSink.discarding(true);
    long handCount = baseline.run(style, base, 250, hand);
    hand.close();
    JsonLinesSink engine = JsonLinesSink.discarding(true);
    long engineCount = pagewalk.run(style, base, 250, engine);
    engine.close();

    assertThat(handCount).isEqualTo(RECORDS);
    assertThat(engineCount).isEqualTo(RECORDS);
    assertThat(engine.records()).isEqualTo(hand.records()).isEqualTo(RECORDS);
    assertThat(engine.bytes()).isEqualTo(hand.bytes()).isGreaterThan(RECORDS * 150);
    assertThat(engine.checksum()).isEqualTo(hand.checksum());
    return engine.checksum();
  }
}
