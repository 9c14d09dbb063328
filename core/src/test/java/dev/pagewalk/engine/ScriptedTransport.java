package dev.pagewalk.engine;

import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A transport that answers from a script (a function of the request and how many requests came
 * before) and records every request, for engine tests that pin exact request sequences. The
 * conformance suite runs the same behaviour over real HTTP against WireMock.
 */
final class ScriptedTransport implements Transport {
  interface Script {
    HttpResponse answer(HttpRequest request, int index) throws IOException;
  }

  private final Script script;
  final List<HttpRequest> requests = new ArrayList<>();

  ScriptedTransport(Script script) {
    this.script = script;
  }

  @Override
  public synchronized Response send(HttpRequest request, Exchange exchange) throws IOException {
    requests.add(request);
    HttpResponse answer = script.answer(request, requests.size() - 1);
    return Response.of(answer.status(), answer.reason(), answer.headers(), answer.body());
  }

  synchronized int requestCount() {
    return requests.size();
  }

  List<String> uris() {
    return requests.stream().map(r -> r.method() + " " + r.uri()).toList();
  }

  /**
   * A cursor-paged body: {@code {"data":[{"id":1},...],"next":"c2"}} ({@code next} null at the
   * end).
   */
  static String cursorPage(String next, int... ids) {
    StringBuilder data = new StringBuilder();
    for (int id : ids) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\":").append(id).append('}');
    }
    return "{\"data\":["
        + data
        + "],\"next\":"
        + (next == null ? "null" : "\"" + next + "\"")
        + "}";
  }

  static HttpResponse json(HttpRequest request, int status, String body, String... headers) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("Content-Type", "application/json"));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      fields.add(Map.entry(headers[i], headers[i + 1]));
    }
    return new HttpResponse(
        status, "", Headers.of(fields), body.getBytes(StandardCharsets.UTF_8), request.uri());
  }
}
