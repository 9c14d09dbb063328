package dev.pagewalk.cli;

import java.util.Map;

/**
 * What the commands read from the process around them, injectable for tests: the environment
 * variables ({@code --connection name=env:VAR}) and whether stderr is an interactive terminal
 * (which turns the live progress line on).
 */
public record CliEnvironment(Map<String, String> variables, boolean terminal) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** The real process: {@link System#getenv()} and {@code System.console() != null}. */
  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), System.console() != null);
  }
}
