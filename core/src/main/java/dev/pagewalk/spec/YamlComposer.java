package dev.pagewalk.spec;

import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes YAML text into SnakeYAML's node tree (with marks) — never into Java objects, so no tag
 * can instantiate a class. Limits: one document, few aliases, bounded nesting and size.
 */
final class YamlComposer {
  static final int MAX_BYTES = 1024 * 1024;

  /** The root node (null for an empty stream) and the explicit tags found on the way. */
  record Result(Node root, List<YamlProblem> tagProblems) {}

  private YamlComposer() {}

  /** Throws {@link YamlProblem} for syntax errors and exceeded limits. */
  static Result compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(InspectingParser.MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(InspectingParser.MAX_DEPTH + 1);
    options.setCodePointLimit(MAX_BYTES + 1);
    options.setMergeOnCompose(false);
    options.setProcessComments(false);
    // Composing never constructs objects, so a tag cannot run code; InspectingParser refuses
    // every tag itself, located, instead of SnakeYAML stopping at the first global one.
    options.setTagInspector(tag -> true);
    InspectingParser parser = new InspectingParser(new ParserImpl(new StreamReader(text), options));
    try {
      Node root = new Composer(parser, new Resolver(), options).getSingleNode();
      return new Result(root, parser.tagProblems());
    } catch (MarkedYAMLException e) {
      String context = e.getContext();
      String hint = null;
      if (context != null && e.getContextMark() != null) {
        hint =
            context
                + " at line "
                + (e.getContextMark().getLine() + 1)
                + ", column "
                + (e.getContextMark().getColumn() + 1);
      }
      throw new YamlProblem(e.getProblem(), e.getProblemMark(), hint, context, e.getContextMark());
    } catch (YAMLException e) {
      throw new YamlProblem(e.getMessage(), null, null);
    }
  }
}
