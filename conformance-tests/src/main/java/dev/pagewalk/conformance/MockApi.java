package dev.pagewalk.conformance;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A WireMock server on a loopback port serving a case folder's {@code mappings/} and {@code
 * __files/} natively, so recorded WireMock traffic can be dropped into a case unchanged. The case
 * runner uses a free port; {@link #serve} (behind {@code pagewalk mock}) a chosen one. Not
 * thread-safe; one per case run.
 */
public final class MockApi implements AutoCloseable {
  private final WireMockServer server;

  MockApi(Path caseDir) {
    this(caseDir, 0);
  }

  private MockApi(Path caseDir, int port) {
    server =
        new WireMockServer(
            options()
                .port(port)
                .bindAddress("127.0.0.1")
                .jettyStopTimeout(0L)
                .usingFilesUnderDirectory(caseDir.toString()));
    server.start();
  }

  /** Serves {@code caseDir}'s mappings on {@code 127.0.0.1:port} (0: a free port) until closed. */
  public static MockApi serve(Path caseDir, int port) {
    return new MockApi(caseDir, port);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** How many stub mappings are served. */
  public int mappings() {
    return server.getStubMappings().size();
  }

  /** Every request received, oldest first. */
  List<ServedRequest> served() {
    List<ServedRequest> out = new ArrayList<>();
    for (ServeEvent e : servedEvents()) {
      LoggedRequest r = e.getRequest();
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      out.add(
          new ServedRequest(
              r.getMethod().getName(), r.getUrl(), r.getBodyAsString(), status, e.getWasMatched()));
    }
    return out;
  }

  /**
   * Query parameters a stub did not name, for stubs that name any: such a stub pins the whole query
   * string, so an extra parameter (a cursor sent twice under two names, a parent parameter that
   * {@code mergeWithParent: false} should have dropped) fails the case instead of matching.
   */
  List<String> strayQueryParameters() {
    List<String> out = new ArrayList<>();
    for (ServeEvent e : servedEvents()) {
      Map<String, ?> named =
          e.getStubMapping() == null ? null : e.getStubMapping().getRequest().getQueryParameters();
      if (!e.getWasMatched() || named == null || named.isEmpty()) {
        continue;
      }
      Set<String> extra = new TreeSet<>(e.getRequest().getQueryParams().keySet());
      extra.removeAll(named.keySet());
      if (!extra.isEmpty()) {
        LoggedRequest r = e.getRequest();
        out.add(
            r.getMethod().getName()
                + " "
                + r.getUrl()
                + " sends "
                + String.join(", ", extra)
                + ", which its stub does not name (it names "
                + String.join(", ", new TreeSet<>(named.keySet()))
                + ")");
      }
    }
    return out;
  }

  private List<ServeEvent> servedEvents() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events;
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
