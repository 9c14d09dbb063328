package dev.pagewalk.conformance;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WireMock server on a free loopback port serving a case folder's {@code mappings/} and {@code
 * __files/} natively, so recorded WireMock traffic can be dropped into a case unchanged. Not
 * thread-safe; one per case run.
 */
final class MockApi implements AutoCloseable {
  private final WireMockServer server;

  MockApi(Path caseDir) {
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .jettyStopTimeout(0L)
                .usingFilesUnderDirectory(caseDir.toString()));
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Every request received, oldest first. */
  List<ServedRequest> served() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    List<ServedRequest> out = new ArrayList<>();
    for (ServeEvent e : events) {
      LoggedRequest r = e.getRequest();
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      out.add(
          new ServedRequest(
              r.getMethod().getName(), r.getUrl(), r.getBodyAsString(), status, e.getWasMatched()));
    }
    return out;
  }

  /** Requests no stub matched, as {@code METHOD url}. */
  List<String> unmatched() {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : server.findAllUnmatchedRequests()) {
      out.add(r.getMethod().getName() + " " + r.getUrl());
    }
    return out;
  }

  @Override
  public void close() {
    server.stop();
  }
}
