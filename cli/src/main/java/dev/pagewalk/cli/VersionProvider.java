package dev.pagewalk.cli;

import java.io.IOException;
import picocli.CommandLine.IVersionProvider;

/** picocli's {@code --version}: the lines of {@link Version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    return Version.lines();
  }
}
