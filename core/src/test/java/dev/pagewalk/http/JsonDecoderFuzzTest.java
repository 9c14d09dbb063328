package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pagewalk.spi.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target: the JSON decoder, whole and streamed, with the shape the input names. A body either
 * decodes or fails with {@link MalformedBodyException} (streamed: an IOException, after which the
 * engine decodes the whole body again); both ways agree on the value. The decoder has small caps so
 * that the limits are reached too. Input: the first line lists the kept paths ({@code
 * items.id,next}; {@code *} or an empty line keeps everything), the rest is the body.
 */
class JsonDecoderFuzzTest {
  static final ResponseDecoder DECODER = new ResponseDecoder(64, 100_000, 10_000, 4L * 1024 * 1024);

  @FuzzTest(maxDuration = "2m")
  void decodesOrRefusesAnyBody(byte[] input) throws IOException {
    int newline = indexOf(input, (byte) '\n');
    String paths = new String(input, 0, Math.max(newline, 0), StandardCharsets.UTF_8).trim();
    byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
    Shape shape = shape(paths);
    HttpResponse response =
        new HttpResponse(200, "OK", Headers.of(List.of()), body, URI.create("https://x/"));
    Object whole;
    try {
      whole = DECODER.decode(response, ResponseType.JSON, shape);
    } catch (MalformedBodyException refused) {
      return;
    }
    Object streamed = DECODER.decodeStream(new ByteArrayInputStream(body), shape);
    assertThat(streamed).isEqualTo(whole);
  }

  static Shape shape(String paths) {
    if (paths.isEmpty() || paths.equals("*")) {
      return Shape.ALL;
    }
    List<List<String>> list = new ArrayList<>();
    for (String path : paths.split(",", 16)) {
      list.add(path.isEmpty() ? List.of() : List.of(path.split("\\.", 8)));
    }
    return Shape.of(list);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
