package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.SyncMode;
import dev.pagewalk.json.JsonConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose output is the item, read only in part by its key and condition (nested fields),
 * stores in SQLite each item whole, as decoding it whole gives it: the records it is handed decode
 * themselves from the bytes they were kept as.
 */
class SqliteItemsAsSentTest {
  @TempDir Path dir;

  private static final List<String> ITEMS =
      List.of(
          "{\"meta\":{\"id\":\"a\",\"kind\":\"x\"},\"name\":\"Zoë ☃\",\"n\":1.50,\"t\":[{\"k\":null}]}",
          "{\"meta\": {\"id\":\"b\",\"kind\":\"x\"}, \"x\":1e2}",
          "{\"meta\":{\"id\":\"c\",\"kind\":\"x\"},\"o\":{\"a\":1,\"a\":[2]},\"e\":\"😀\"}",
          "{\"meta\":{\"id\":\"d\",\"kind\":\"skip\"}}",
          "{\"meta\":{\"id\":\"a\",\"kind\":\"x\"},\"repeat\":true}",
          "{\"name\":\"e\",\"meta\":{\"kind\":\"x\",\"id\":\"e\",\"id2\":{\"p\":1,\"p\":2}}}");

  private static final String SPEC =
      """
      pagewalk: 1
      name: items
      baseUrl: %s
      request:
        url: /items
        response:
          iterate:
            container: "{{body.data}}"
            condition: "{{item.meta.kind != 'skip'}}"
          key: "{{item.meta.id}}"
      """;

  @Test
  void eachRowHoldsTheItemDecodedWhole() throws Exception {
    byte[] body = ("{\"data\":[" + String.join(",", ITEMS) + "]}").getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/items",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    Path db = dir.resolve("out.db");
    try {
      Plan plan =
          Pagewalk.parse(
              "items.yaml", SPEC.formatted("http://127.0.0.1:" + server.getAddress().getPort()));
      RunResult result;
      try (SqliteSink sink = SqliteSink.open(db);
          Runner runner = Runner.builder().sleeper(d -> {}).build()) {
        result = runner.sync(plan, RunInput.empty(), sink, SyncMode.APPEND);
      }
      assertThat(result.stopReason()).isEqualTo(StopReason.NO_PAGINATION);
    } finally {
      server.stop(0);
    }

    List<String> expected = new ArrayList<>();
    for (int i : List.of(0, 1, 2, 5)) {
      expected.add(
          JsonConfig.MAPPER.writeValueAsString(
              JsonConfig.MAPPER.readValue(ITEMS.get(i), Object.class)));
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT payload FROM \"items\" ORDER BY rowid")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    assertThat(rows).isEqualTo(expected);
  }
}
