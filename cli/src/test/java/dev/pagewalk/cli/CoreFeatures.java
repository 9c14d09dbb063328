package dev.pagewalk.cli;

import dev.pagewalk.Pagewalk;

/**
 * Which parts of the core, built in parallel on {@code main}, this build already has. Tests of
 * commands that need a missing part are disabled through {@code @EnabledIf} naming these
 * methods, and turn on by themselves once {@code main} is merged with the part in it.
 */
final class CoreFeatures {
  private CoreFeatures() {}

  /** True once the expr package compiles expressions: needed to load any spec into a plan. */
  static boolean expressionsCompile() {
    try {
      Pagewalk.parse("probe.yaml", "pagewalk: 1\nname: probe\nrequest:\n  url: /x\n");
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** True once {@code dev.pagewalk.conformance.ConformanceMain} is on the classpath. */
  static boolean conformanceRunnerExists() {
    try {
      Class.forName(TestCommand.RUNNER);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
