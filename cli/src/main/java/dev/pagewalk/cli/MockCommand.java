package dev.pagewalk.cli;

import dev.pagewalk.conformance.CaseLoader;
import dev.pagewalk.conformance.MockApi;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk mock}: serves a conformance case's WireMock mappings (or, for a {@code liveData}
 * case, the live-data mock with its OAuth2 token endpoint) on loopback until stopped, so a spec can
 * be run against them with {@code pagewalk run --base-url} — no network, nothing to download.
 */
@Command(
    name = "mock",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a conformance case's mock API (its mappings/ and __files/) on 127.0.0.1",
      "until stopped (Ctrl-C), for: pagewalk run SPEC --base-url http://127.0.0.1:PORT"
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.COMPLETE + ":stopped",
      ExitCodes.USAGE
          + ":usage error: bad options, or DIR holds neither mappings/ nor a liveData case.yaml"
    })
final class MockCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A case folder holding mappings/, or a case.yaml with liveData.")
  Path dir;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description =
          "The loopback port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (!Files.isDirectory(dir.resolve("mappings"))) {
      LiveDataConfig live;
      try {
        live = liveData();
      } catch (dev.pagewalk.conformance.CaseFormatException e) {
        spec.commandLine().getErr().println("pagewalk mock: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      if (live == null) {
        spec.commandLine()
            .getErr()
            .println("pagewalk mock: no mappings/ folder and no liveData case.yaml in " + dir);
        return ExitCodes.USAGE;
      }
      return serveLive(live);
    }
    return serve(
        () -> MockApi.serve(dir, port),
        api -> " (" + api.mappings() + " mappings) at " + api.baseUrl());
  }

  /** The {@code liveData} of the case in {@code dir}, or null when it has none. */
  private LiveDataConfig liveData() {
    if (!Files.isRegularFile(dir.resolve("case.yaml"))) {
      return null;
    }
    return CaseLoader.load(dir, dir.getFileName().toString()).liveData();
  }

  /** Serves a live-data case (its dataset, faults and OAuth2 token endpoint) until stopped. */
  private int serveLive(LiveDataConfig config) throws InterruptedException {
    return serve(
        () -> LiveDataServer.start(config, System::currentTimeMillis, port),
        api ->
            " (live data at "
                + config.basePath()
                + config
                    .nested()
                    .map(n -> ", nested resources at /orgs, /repos and /events")
                    .orElse("")
                + config.oauth().map(o -> ", OAuth2 token endpoint at " + o.tokenPath()).orElse("")
                + ") at "
                + api.baseUrl());
  }

  /** Starts a server, says where it is, and serves until the process is stopped (Ctrl-C). */
  private <T extends AutoCloseable> int serve(Supplier<T> start, Function<T, String> where)
      throws InterruptedException {
    T api;
    try {
      api = start.get();
    } catch (RuntimeException e) {
      spec.commandLine()
          .getErr()
          .println(
              "pagewalk mock: cannot serve "
                  + dir
                  + " on 127.0.0.1:"
                  + port
                  + ": "
                  + e.getMessage());
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    api.close();
                  } catch (Exception e) {
                    // stopping anyway: the process is ending
                  }
                  stopped.countDown();
                }));
    PrintWriter out = spec.commandLine().getOut();
    out.println("pagewalk mock: " + dir + where.apply(api) + "; stop with Ctrl-C");
    out.flush();
    stopped.await();
    return ExitCodes.COMPLETE;
  }
}
