package dev.pagewalk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of a Markdown document: fenced blocks tagged {@code bash}, {@code sh}, {@code
 * shell} or {@code console}, and untagged blocks whose first line is a {@code $ } prompt. An HTML
 * comment on the line before a block's fence directs the doc test: {@code <!-- doc-test: skip (why)
 * -->} or {@code <!-- doc-test: exits 0 1 0 -->} (each command's exit code, in order; 0 when not
 * said).
 */
final class DocShellBlocks {
  private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([A-Za-z]*)\\s*$");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*<!--\\s*doc-test:\\s*(.*?)\\s*-->\\s*$");
  private static final Pattern SKIP = Pattern.compile("skip \\((.+)\\)");
  private static final Pattern EXITS = Pattern.compile("exits((?: [0-9]+)+)");
  private static final List<String> SHELL = List.of("bash", "sh", "shell", "console");

  private DocShellBlocks() {}

  /** One command: its text (continuation lines joined) and the output lines the doc shows. */
  record Command(String text, List<String> output, boolean background) {}

  /**
   * A shell block at {@code line} (1-based, the opening fence). With {@code $} prompts, each prompt
   * is a command followed by the output the doc shows; without, the whole block is one script.
   * {@code directive} is the text of its doc-test comment, or empty.
   */
  record Block(int line, List<Command> commands, String directive) {
    /** Why the block is skipped, or null. */
    String skip() {
      Matcher m = SKIP.matcher(directive);
      return m.matches() ? m.group(1) : null;
    }

    /** The exit code the doc implies for the command at {@code index}. */
    int expectedExit(int index) {
      Matcher m = EXITS.matcher(directive);
      if (!m.matches()) {
        return 0;
      }
      String[] codes = m.group(1).trim().split(" ");
      return index < codes.length ? Integer.parseInt(codes[index]) : 0;
    }
  }

  static List<Block> parse(String markdown) {
    List<String> lines = markdown.lines().toList();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).trim().equals("```")) {
        end++;
      }
      String indent = open.group(1);
      List<String> body = new ArrayList<>();
      for (String l : lines.subList(i + 1, Math.min(end, lines.size()))) {
        body.add(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading());
      }
      boolean prompted =
          body.stream()
              .filter(l -> !l.isBlank())
              .findFirst()
              .map(l -> l.startsWith("$ "))
              .orElse(false);
      if (SHELL.contains(open.group(2)) || (open.group(2).isEmpty() && prompted)) {
        blocks.add(
            new Block(
                i + 1, prompted ? prompts(body) : List.of(script(body)), directive(lines, i)));
      }
      i = end;
    }
    return blocks;
  }

  private static String directive(List<String> lines, int fence) {
    for (int j = fence - 1; j >= 0; j--) {
      if (!lines.get(j).isBlank()) {
        Matcher m = DIRECTIVE.matcher(lines.get(j));
        return m.matches() ? m.group(1) : "";
      }
    }
    return "";
  }

  private static Command script(List<String> body) {
    return new Command(String.join("\n", body), List.of(), false);
  }

  private static List<Command> prompts(List<String> body) {
    List<Command> out = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      if (!body.get(i).startsWith("$ ")) {
        continue;
      }
      StringBuilder text = new StringBuilder(body.get(i).substring(2));
      while (text.toString().endsWith("\\") && i + 1 < body.size()) {
        text.setLength(text.length() - 1);
        text.append(' ').append(body.get(++i).trim());
      }
      List<String> output = new ArrayList<>();
      while (i + 1 < body.size() && !body.get(i + 1).startsWith("$ ")) {
        output.add(body.get(++i));
      }
      String command = text.toString().trim();
      boolean background = command.endsWith("&") && !command.endsWith("&&");
      out.add(
          new Command(
              background ? command.substring(0, command.length() - 1).trim() : command,
              output,
              background));
    }
    return out;
  }
}
