package dev.pagewalk.cli;

import dev.pagewalk.RunInput;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The run inputs commands share: parameters, connection values and a base URL override. */
final class InputOptions {
  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description =
          "A parameter value; repeatable. Values are text; the spec's declared type "
              + "converts them (\"100\" becomes the integer 100).")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "FILE|NAME=VALUE|NAME=env:VAR",
      description =
          "Connection values; repeatable, later ones win. FILE is a YAML or JSON map of "
              + "names to values; env:VAR reads the environment variable VAR. Values are never printed.")
  List<String> connection = new ArrayList<>();

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Send requests to URL instead of the spec's baseUrl (e.g. a mock server).")
  String baseUrl;

  RunInput input(Map<String, String> environment) {
    RunInput input =
        RunInput.empty()
            .withParameters(new LinkedHashMap<>(parameters))
            .withConnection(ConnectionValues.resolve(connection, environment));
    if (baseUrl != null) {
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--base-url '" + baseUrl + "' is not a URL", e);
      }
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new UsageException("--base-url '" + baseUrl + "' must be an absolute http(s) URL");
      }
      input = input.withBaseUrl(baseUrl);
    }
    return input;
  }
}
