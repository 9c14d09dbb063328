package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossOriginCredentialsTest {
  static final String SPEC =
      """
      pagewalk: 1
      name: next-links
      baseUrl: http://api.test
      connection:
        token: {type: string, secret: true}
      headers:
        Authorization: "Bearer {{connection.token}}"
        X-Key: "k:{{connection.token}}"
        X-Signed: "{{connection.token == 'tok-123' ? 'yes' : 'no'}}"
        Accept: application/json
      request:
        url: /items
        qs: {api_key: "{{connection.token}}", size: 2}
        response:
          iterate: "{{body.data}}"
        pagination:
          url: "{{body.next}}"
          condition: "{{body.next}}"
      """;

  record Sent(HttpRequest request) {}

  /**
   * Answers each request with a page whose next URL is the next of {@code nexts}; a next starting
   * with "307 " is a redirect there instead.
   */
  static final class Recording implements Transport {
    final List<Sent> sent = new ArrayList<>();
    final List<String> nexts;

    Recording(String... nexts) {
      this.nexts = List.of(nexts);
    }

    @Override
    public Response send(HttpRequest request, Exchange exchange) {
      sent.add(new Sent(request));
      int i = sent.size() - 1;
      if (i < nexts.size() && nexts.get(i).startsWith("307 ")) {
        return Response.of(
            307,
            "",
            Headers.of(List.of(Map.entry("Location", nexts.get(i).substring(4)))),
            new byte[0]);
      }
      String next = i < nexts.size() ? "\"" + nexts.get(i) + "\"" : "null";
      HttpResponse page =
          json(request, 200, "{\"data\":[{\"id\":" + i + "}],\"next\":" + next + "}");
      return Response.of(page.status(), "", page.headers(), page.body());
    }
  }

  static Runner.Collected run(Recording t) {
    Plan plan = Pagewalk.parse("next.yaml", SPEC);
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      return runner.collect(plan, RunInput.empty().withConnection(Map.of("token", "tok-123")));
    }
  }

  @Test
  void aNextUrlToAnotherOriginCarriesNoCredentials() {
    Recording t = new Recording("http://evil.test:8080/items?page=2");
    Runner.Collected c = run(t);
    assertThat(c.records()).hasSize(2);
    HttpRequest first = t.sent.get(0).request();
    HttpRequest second = t.sent.get(1).request();
    assertThat(first.headers().first("Authorization")).contains("Bearer tok-123");
    assertThat(first.uri().getQuery()).contains("api_key=tok-123");
    assertThat(second.uri().toString()).isEqualTo("http://evil.test:8080/items?page=2&size=2");
    assertThat(second.headers().first("Authorization")).isEmpty();
    assertThat(second.headers().first("X-Key")).isEmpty();
    assertThat(second.headers().first("X-Signed")).isEmpty();
    assertThat(second.headers().first("Accept")).contains("application/json");
    assertThat(second.toString() + second.headers()).doesNotContain("tok-123");
  }

  @Test
  void aNextUrlOnTheSameOriginKeepsThem() {
    Recording t = new Recording("http://API.test:80/items?page=2");
    run(t);
    HttpRequest second = t.sent.get(1).request();
    assertThat(second.headers().first("Authorization")).contains("Bearer tok-123");
    assertThat(second.uri().getQuery()).contains("api_key=tok-123");
  }

  @Test
  void aSchemeChangeIsAnotherOrigin() {
    Recording t = new Recording("https://api.test/items?page=2");
    run(t);
    assertThat(t.sent.get(1).request().headers().first("Authorization")).isEmpty();
  }

  @Test
  void aRedirectToAnotherOriginCarriesNoConnectionDerivedHeadersOrQuery() {
    Recording t = new Recording("307 http://evil.test:8080/landing?api_key=tok-123&size=2");
    run(t);
    HttpRequest followed = t.sent.get(1).request();
    assertThat(followed.uri().toString()).isEqualTo("http://evil.test:8080/landing?size=2");
    assertThat(followed.headers().first("Authorization")).isEmpty();
    assertThat(followed.headers().first("X-Key")).isEmpty();
    assertThat(followed.headers().first("X-Signed")).isEmpty();
    assertThat(followed.headers().first("Accept")).contains("application/json");
    assertThat(followed.toString() + followed.headers()).doesNotContain("tok-123");
  }
}
