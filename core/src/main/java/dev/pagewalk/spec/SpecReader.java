package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.Diagnostic;
import dev.pagewalk.SpecException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a spec file safely and validates it against the published JSON Schema.
 *
 * <p>Safe means: the YAML is composed into nodes, never into Java objects; files over 1 MiB, any
 * explicit tag ({@code !!str} included), merge keys ({@code <<}), duplicate keys, more than 10
 * aliases to lists or maps, aliases (to scalars too) that repeat more than 1 MiB of text, recursive
 * aliases and nesting deeper than 50 levels are refused. Scalars follow the YAML 1.2 core schema:
 * only {@code true}/{@code false} are booleans ({@code on}, {@code yes} stay strings), {@code
 * null}, {@code ~} and empty are null, decimal, 0o and 0x integers and decimals are numbers, {@code
 * .inf}/{@code .nan} are refused, everything else (timestamps, {@code 1:20}) is a string; keys are
 * always strings.
 *
 * <p>Every problem found is a {@link Diagnostic} with file, line, column, pointer and caret; all of
 * them are thrown together in one {@link SpecException}, sorted by position. Stateless and
 * thread-safe.
 */
public final class SpecReader {
  private SpecReader() {}

  /**
   * Reads a spec file (UTF-8). The diagnostics name the file as given.
   *
   * @throws SpecException if the file cannot be read or is not a valid spec
   */
  public static SpecDocument read(Path file) throws SpecException {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > YamlComposer.MAX_BYTES) {
        throw new SpecException(tooLarge(name, size));
      }
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return read(name, text);
    } catch (CharacterCodingException e) {
      throw new SpecException(new Diagnostic(name, 1, 1, "", "not UTF-8 text", "", null));
    } catch (IOException e) {
      throw new SpecException(
          new Diagnostic(name, 1, 1, "", "cannot read the file: " + e, "", null));
    }
  }

  /**
   * Reads spec text; {@code fileName} is only used in diagnostics.
   *
   * @throws SpecException if the text is not a valid spec
   */
  public static SpecDocument read(String fileName, String yamlText) throws SpecException {
    long size = yamlText.getBytes(StandardCharsets.UTF_8).length;
    if (size > YamlComposer.MAX_BYTES) {
      throw new SpecException(tooLarge(fileName, size));
    }
    SourceText source = new SourceText(fileName, yamlText);
    YamlComposer.Result composed;
    try {
      composed = YamlComposer.compose(yamlText);
    } catch (YamlProblem problem) {
      Locator locator = new Locator(source, Map.of());
      String fix =
          problem.mark() == null
              ? null
              : ExpressionQuoting.fixFor(source.line(problem.mark().getLine() + 1));
      if (fix != null) {
        throw new SpecException(
            locator.at(
                problem.mark(),
                "",
                "a value that starts with {{ must be quoted: YAML reads { as the start of a map",
                fix));
      }
      YamlSyntax.Explained explained = YamlSyntax.explain(problem, source);
      throw new SpecException(
          locator.at(
              explained.line(), explained.column(), "", explained.message(), explained.hint()));
    }
    Node root = composed.root();
    if (root == null) {
      throw new SpecException(
          new Locator(source, Map.of())
              .at(
                  1,
                  1,
                  "",
                  "the file is empty",
                  "a spec starts with pagewalk: 1, name and request"));
    }
    TreeBuilder builder = new TreeBuilder(source);
    JsonNode tree = builder.build(root);
    List<Diagnostic> diagnostics = new ArrayList<>(builder.diagnostics());
    Locator locator = new Locator(source, builder.index());
    Set<String> flagged = new HashSet<>(builder.flagged());
    for (YamlProblem tag : composed.tagProblems()) {
      String pointer = locator.pointerAt(tag.mark());
      if (pointer != null && !pointer.isEmpty()) {
        flagged.add(pointer);
      }
      diagnostics.add(locator.at(tag.mark(), pointer, tag.getMessage(), tag.hint()));
    }
    diagnostics.addAll(validate(tree, locator, flagged));
    if (!diagnostics.isEmpty()) {
      throw failure(diagnostics);
    }
    return new SpecDocument(tree, locator);
  }

  private static List<Diagnostic> validate(JsonNode tree, Locator locator, Set<String> flagged) {
    SpecSchema schema = SpecSchema.get();
    List<Diagnostic> out = new ArrayList<>();
    for (SchemaFinding f : new SchemaMessages(schema).findings(schema.validate(tree))) {
      if (isFlagged(f.pointer(), flagged)) {
        continue;
      }
      out.add(
          f.atKey()
              ? locator.atKey(f.pointer(), f.message(), f.hint())
              : locator.atValue(f.pointer(), f.message(), f.hint()));
    }
    return out;
  }

  private static boolean isFlagged(String pointer, Set<String> flagged) {
    for (String at : flagged) {
      if (pointer.equals(at) || pointer.startsWith(at + "/")) {
        return true;
      }
    }
    return false;
  }

  private static SpecException failure(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(new LinkedHashSet<>(diagnostics));
    sorted.sort(
        Comparator.comparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparingInt(d -> d.pointer().length()));
    return new SpecException(sorted);
  }

  private static Diagnostic tooLarge(String fileName, long size) {
    return new Diagnostic(
        fileName,
        1,
        1,
        "",
        "file too large: "
            + size
            + " bytes, the limit is "
            + YamlComposer.MAX_BYTES
            + " bytes (1 MiB)",
        "",
        null);
  }
}
