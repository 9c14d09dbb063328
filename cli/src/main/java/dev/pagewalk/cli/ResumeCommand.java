package dev.pagewalk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line that continues a stopped run: the one given, with {@code --resume}, and no
 * secret in it. Connection values given inline ({@code -c token=VALUE}) and values of secret
 * parameters are shown as {@value #MASK}; {@code env:} references and connection files are shown as
 * given; a password in a URL is masked. An option given several times is listed with all its values
 * in their order, where it was first given.
 */
final class ResumeCommand {
  static final String MASK = dev.pagewalk.http.Redaction.MASK;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,\u2026-]+");
  private static final Pattern PAIR = Pattern.compile("([^=]+)=(.*)", Pattern.DOTALL);

  private ResumeCommand() {}

  /** The words of {@code pagewalk run … --resume}, shell-quoted where needed. */
  static String of(ParseResult parsed, Set<String> secretParameters) {
    List<String> words = new ArrayList<>(List.of("pagewalk", "run"));
    for (PositionalParamSpec p : parsed.matchedPositionals()) {
      p.originalStringValues().forEach(v -> words.add(quote(v)));
    }
    // an option given several times is listed once per occurrence, each with all its values
    for (OptionSpec o : new java.util.LinkedHashSet<>(parsed.matchedOptions())) {
      String name = o.longestName();
      if (name.equals("--resume")) {
        continue;
      }
      if (o.arity().max() == 0) {
        words.add(name);
        continue;
      }
      for (String value : o.originalStringValues()) {
        words.add(name);
        words.add(quote(shown(name, value, secretParameters)));
      }
    }
    words.add("--resume");
    return String.join(" ", words);
  }

  private static String shown(String option, String value, Set<String> secretParameters) {
    var pair = PAIR.matcher(value);
    return switch (option) {
      case "--connection" ->
          !pair.matches() || pair.group(2).startsWith("env:") ? value : pair.group(1) + "=" + MASK;
      case "--param" ->
          pair.matches() && secretParameters.contains(pair.group(1).trim())
              ? pair.group(1) + "=" + MASK
              : value;
      case "--out", "--base-url" -> SinkTarget.redacted(value);
      default -> value;
    };
  }

  private static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
