package dev.pagewalk.http;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A run against an API whose gzipped page inflates to tens of MiB of tiny JSON values, for {@link
 * MemoryAmplificationTest} to start in a JVM with a small heap. Prints what the run ended with.
 * Arguments: the decompressed size in MiB and the layouts to send, one run each: {@code flat} (one
 * array of tiny objects: the records) or {@code nested} (arrays of arrays of them, none long).
 */
public final class AmplificationVictim {
  private AmplificationVictim() {}

  public static void main(String[] args) throws IOException {
    int mib = Integer.parseInt(args[0]);
    for (String layout : List.of(args).subList(1, args.length)) {
      run(layout, body(mib * 1024L * 1024, layout.equals("nested")));
    }
    System.exit(0);
  }

  private static void run(String layout, byte[] gzipped) throws IOException {
    try (LoopbackServer server =
        new LoopbackServer()
            .on(
                "/items",
                (exchange, request) -> {
                  exchange.getResponseHeaders().add("Content-Type", "application/json");
                  exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                  LoopbackServer.send(exchange, 200, gzipped);
                })) {
      String spec =
          """
          pagewalk: 1
          name: amplified
          baseUrl: %s
          request:
            url: /items
            response:
              iterate: "{{body.items}}"
          """
              .formatted(server.uri(""));
      RunResult result;
      try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
        result = runner.collect(Pagewalk.parse("amplified.yaml", spec), RunInput.empty()).result();
      }
      System.out.println(layout + " gzipped: " + gzipped.length / 1024 + " KiB");
      System.out.println(layout + " stop: " + result.stopReason().wireName());
      System.out.println(layout + " requests: " + result.stats().requests());
      System.out.println(layout + " faults: " + result.stats().faults());
      System.out.println(
          layout
              + " failure: "
              + (result.failure() == null
                  ? null
                  : result
                      .failure()
                      .getMessage()
                      .replace(server.uri("").toString(), "http://SERVER")));
    }
  }

  /**
   * {"items":[{"a":0},…]} or {"items":[[{"a":0},…],…]} of about {@code size} bytes, gzipped as it
   * is written.
   */
  static byte[] body(long size, boolean nested) throws IOException {
    String object = "{\"a\":0},";
    // a row: 100,000 objects in the flat layout, an array of them in the nested one
    byte[] row =
        ((nested ? "[" : "") + object.repeat(99_999) + "{\"a\":0}" + (nested ? "]" : "") + ",")
            .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      gz.write("{\"items\":[".getBytes(StandardCharsets.US_ASCII));
      for (long written = 0; written < size; written += row.length) {
        gz.write(row);
      }
      gz.write((nested ? "[]" : "{}").getBytes(StandardCharsets.US_ASCII));
      gz.write("]}".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }
}
