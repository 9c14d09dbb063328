package dev.pagewalk.cli;

import dev.pagewalk.conformance.MockApi;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk mock}: serves a conformance case's WireMock mappings on loopback until stopped,
 * so a spec can be run against them with {@code pagewalk run --base-url} — no network, nothing to
 * download.
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
      ExitCodes.USAGE + ":usage error: bad options, or DIR holds no mappings/ folder"
    })
final class MockCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "A case folder holding mappings/.")
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
      spec.commandLine().getErr().println("pagewalk mock: no mappings/ folder in " + dir);
      return ExitCodes.USAGE;
    }
    MockApi api;
    try {
      api = MockApi.serve(dir, port);
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
                  api.close();
                  stopped.countDown();
                }));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pagewalk mock: "
            + dir
            + " ("
            + api.mappings()
            + " mappings) at "
            + api.baseUrl()
            + "; stop with Ctrl-C");
    out.flush();
    stopped.await();
    return ExitCodes.COMPLETE;
  }
}
