package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.WriteMode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connector run's tables in a database, one per stream; run against a real one by each kind. */
abstract class StreamTablesContract {
  abstract DatabaseSink openSink() throws Exception;

  /** Makes the database refuse a row with this key in {@code table}, as a constraint would. */
  abstract void refuseKey(String table, String storedKey) throws Exception;

  /** The names of the tables in the database, pagewalk's own included. */
  abstract List<String> tables() throws Exception;

  static OutputRecord order(long id) {
    return new OutputRecord(id, Map.of("id", id), 1);
  }

  static OutputRecord line(long order, long n) {
    return new OutputRecord(List.of(order, n), Map.of("order", order, "n", n), 1);
  }

  @Test
  void eachStreamGoesToItsOwnTableUpsertedByKey() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.openStreams(WriteMode.FULL, "shop", List.of("orders", "lines"));
      sink.writeStreamPage("orders", List.of(order(1), order(2)), "run-1");
      sink.writeStreamPage("lines", List.of(line(1, 1), line(1, 2)), "run-1");
      sink.writeStreamPage("orders", List.of(order(2), order(3)), "run-1");
      sink.writeStreamPage("lines", List.of(line(1, 2)), "run-1");

      assertThat(sink.keys("shop", "orders")).containsExactly("1", "2", "3");
      assertThat(sink.keys("shop", "lines")).containsExactly("[1,1]", "[1,2]");
    }
    assertThat(tables()).contains("shop.orders", "shop.lines");
  }

  @Test
  void twoConnectorsWithAStreamOfTheSameNameKeepApart() throws Exception {
    try (DatabaseSink shop = openSink();
        DatabaseSink store = openSink()) {
      shop.openStreams(WriteMode.FULL, "shop", List.of("orders"));
      store.openStreams(WriteMode.FULL, "store", List.of("orders"));
      shop.writeStreamPage("orders", List.of(order(1)), "run-1");
      store.writeStreamPage("orders", List.of(order(2), order(3)), "run-2");

      assertThat(shop.keys("shop", "orders")).containsExactly("1");
      assertThat(shop.keys("store", "orders")).containsExactly("2", "3");
    }
  }

  @Test
  void aPageThatFailsMidwayKeepsNoneOfItsRecords() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.openStreams(WriteMode.FULL, "shop", List.of("orders"));
      sink.writeStreamPage("orders", List.of(order(1)), "run-1");
      refuseKey("shop.orders", "3");

      assertThatThrownBy(
              () -> sink.writeStreamPage("orders", List.of(order(2), order(3), order(4)), "r"))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "writing page records to shop.orders failed, nothing of the page was kept: ");
      assertThat(sink.keys("shop", "orders")).containsExactly("1");
    }
  }

  @Test
  void replaceEmptiesTheStreamsTablesOfThatConnectorOnly() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.openStreams(WriteMode.FULL, "other", List.of("orders"));
      sink.writeStreamPage("orders", List.of(order(9)), "run-0");
      sink.openStreams(WriteMode.FULL, "shop", List.of("orders"));
      sink.writeStreamPage("orders", List.of(order(1), order(2)), "run-1");

      sink.openStreams(WriteMode.REPLACE, "shop", List.of("orders"));
      assertThat(sink.count("shop", "orders")).isZero();
      sink.writeStreamPage("orders", List.of(order(3)), "run-2");
      assertThat(sink.keys("shop", "orders")).containsExactly("3");
      assertThat(sink.keys("other", "orders")).containsExactly("9");
    }
  }

  @Test
  void aStreamWhoseTableNameWouldBeTooLongIsRefusedBeforeAnythingIsCreated() throws Exception {
    String longName = "a".repeat(60);
    try (DatabaseSink sink = openSink()) {
      assertThatThrownBy(
              () -> sink.openStreams(WriteMode.FULL, "shop", List.of("orders", longName)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "stream '"
                  + longName
                  + "' cannot name a table: \"shop."
                  + longName
                  + "\" is 65 characters long and a table name is at most 63 (PostgreSQL cuts"
                  + " longer ones); shorten the stream's name or give the run a shorter"
                  + " --sync-name");
    }
    assertThat(tables()).doesNotContain("shop.orders");
  }

  @Test
  void aPageOfAStreamNotOpenedIsAMistakeOfTheCaller() throws Exception {
    try (DatabaseSink sink = openSink()) {
      assertThatThrownBy(() -> sink.writeStreamPage("orders", List.of(order(1)), "r"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("writeStreamPage before openStreams");
      sink.openStreams(WriteMode.FULL, "shop", List.of("orders"));
      assertThatThrownBy(() -> sink.writeStreamPage("lines", List.of(line(1, 1)), "r"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("stream 'lines' was not opened for sync shop; it has [orders]");
    }
  }
}
