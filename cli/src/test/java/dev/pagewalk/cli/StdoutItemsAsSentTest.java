package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.json.JsonLinesWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagewalk run SPEC} to stdout and to {@code --out FILE.jsonl}, for a spec whose output is
 * the item and whose key and condition read nested fields: each line is the item as decoding it
 * whole and writing it gives, whether its bytes were copied or it was encoded.
 */
class StdoutItemsAsSentTest {
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
  void stdoutAndTheFileAreTheItemsDecodedWholeAndWritten() throws IOException {
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
    try {
      Path spec = dir.resolve("items.yaml");
      Files.writeString(spec, SPEC.formatted("http://127.0.0.1:" + server.getAddress().getPort()));

      Cli.Result stdout = Cli.plain().run("run", spec.toString(), "--quiet");
      Cli.Result file =
          Cli.plain()
              .run(
                  "run",
                  spec.toString(),
                  "--out",
                  dir.resolve("items.jsonl").toString(),
                  "--quiet");

      assertThat(stdout.err()).isEmpty();
      assertThat(stdout.code()).isZero();
      assertThat(stdout.out()).isEqualTo(expected(true));
      assertThat(file.code()).isZero();
      assertThat(Files.readString(dir.resolve("items.jsonl"))).isEqualTo(expected(false));
    } finally {
      server.stop(0);
    }
  }

  /**
   * Items 1, 2, 3 and 6 (4 is filtered out, 5 repeats the key of 1), decoded whole, written as
   * characters (stdout: an emoji as itself) or as UTF-8 bytes (a file: an emoji as two escapes).
   */
  private static String expected(boolean chars) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter text = new StringWriter();
    try (JsonLinesWriter writer = chars ? new JsonLinesWriter(text) : new JsonLinesWriter(bytes)) {
      for (int i : List.of(0, 1, 2, 5)) {
        writer.write(JsonConfig.MAPPER.readValue(ITEMS.get(i), Object.class));
      }
    }
    return chars ? text.toString() : bytes.toString(StandardCharsets.UTF_8);
  }
}
