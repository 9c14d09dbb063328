package dev.pagewalk.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What the numbers were measured on. */
final class Machine {
  private Machine() {}

  static String describe() {
    Runtime rt = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "machine: %d cores, %s %s (%s), max heap %d MB, JVM args %s%n%s",
        rt.availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        rt.maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        load());
  }

  static String load() {
    return String.format(
        Locale.ROOT,
        "load average (1 min): %.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
