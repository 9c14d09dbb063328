package dev.pagewalk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Resolves the {@code --connection} arguments into the run's connection values. Each argument is
 * {@code NAME=VALUE}, {@code NAME=env:VAR} (the value of an environment variable) or the path of a
 * YAML or JSON file holding a map of names to values (whose string values may also be {@code
 * env:VAR}). Later arguments override earlier ones. Values never appear in error messages: they are
 * usually secrets.
 */
final class ConnectionValues {
  private static final Pattern PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);
  private static final String ENV = "env:";

  private ConnectionValues() {}

  static Map<String, Object> resolve(List<String> arguments, Map<String, String> environment) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String argument : arguments) {
      Matcher pair = PAIR.matcher(argument);
      if (pair.matches()) {
        String name = pair.group(1);
        values.put(name, fromEnvironment(name, pair.group(2), environment));
      } else {
        readFile(Path.of(argument))
            .forEach((name, value) -> values.put(name, fromEnvironment(name, value, environment)));
      }
    }
    return values;
  }

  private static Object fromEnvironment(
      String name, Object value, Map<String, String> environment) {
    if (!(value instanceof String text) || !text.startsWith(ENV)) {
      return value;
    }
    String variable = text.substring(ENV.length());
    String found = environment.get(variable);
    if (found == null) {
      throw new UsageException(
          "connection '" + name + "': environment variable " + variable + " is not set");
    }
    return found;
  }

  private static Map<String, Object> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          "--connection '"
              + file
              + "' is neither NAME=VALUE, "
              + "NAME=env:VAR nor an existing YAML or JSON file");
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    Object root;
    try {
      root = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
    } catch (IOException e) {
      throw new UsageException("cannot read connection file " + file + ": " + e.getMessage(), e);
    } catch (YAMLException e) {
      // the parser's message quotes the source, which may hold a secret: say only where
      throw new UsageException(
          "connection file " + file + " is not valid YAML or JSON" + location(e), e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new UsageException("connection file " + file + " must hold a map of names to values");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v));
    return values;
  }

  private static String location(YAMLException e) {
    if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblemMark() != null) {
      return " (line "
          + (marked.getProblemMark().getLine() + 1)
          + ", column "
          + (marked.getProblemMark().getColumn() + 1)
          + ")";
    }
    return "";
  }
}
