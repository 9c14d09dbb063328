package dev.pagewalk.auth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 for the auth tests: answers each path with a scripted function of
 * the request and records every request it receives.
 */
final class Stub implements AutoCloseable {
  /** One request as received. */
  record Got(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** An answer. */
  record Answer(int status, String body, String retryAfter) {
    Answer(int status, String body) {
      this(status, body, null);
    }

    static Answer json(String body) {
      return new Answer(200, body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final List<Got> got = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Got, Answer>> routes = new ConcurrentHashMap<>();

  Stub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Got g =
                new Got(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            got.add(g);
            Function<Got, Answer> route = routes.get(g.path());
            Answer a = route == null ? new Answer(404, "{}") : route.apply(g);
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (a.retryAfter() != null) {
              exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
            }
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
              exchange.getResponseBody().write(body);
            }
          }
        });
    server.start();
  }

  Stub on(String path, Function<Got, Answer> answer) {
    routes.put(path, answer);
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Got> got(String path) {
    return got.stream().filter(g -> g.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
