package dev.pagewalk.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals an edited checkpoint again with its state directory's key, as someone who can read that key
 * could: so that a test reaches the checks behind the seal (origin, file position).
 */
final class Reseal {
  private Reseal() {}

  static void checkpoint(Path file, String stream) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String json = text.replaceFirst(",\"seal\":\"[0-9a-f]{64}\"}$", "}");
    byte[] key =
        HexFormat.of().parseHex(Files.readString(file.resolveSibling("checkpoints.key")).strip());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(("pagewalk checkpoint\n" + stream + "\n").getBytes(StandardCharsets.UTF_8));
    String seal = HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
    Files.writeString(
        file,
        json.substring(0, json.length() - 1) + ",\"seal\":\"" + seal + "\"}",
        StandardCharsets.UTF_8);
  }
}
