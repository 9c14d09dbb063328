package dev.pagewalk.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HttpServer on 127.0.0.1 and a free port that records every request it receives. */
final class LoopbackServer implements AutoCloseable {
  /** One received request. */
  record Received(
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      byte[] body,
      int remotePort) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** Answers one exchange; the body has already been read. */
  interface Responder {
    void respond(HttpExchange exchange, Received request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  LoopbackServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.start();
  }

  LoopbackServer on(String path, Responder responder) {
    HttpHandler handler =
        exchange -> {
          try (exchange) {
            Received r =
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes(),
                    exchange.getRemoteAddress().getPort());
            received.add(r);
            responder.respond(exchange, r);
          }
        };
    server.createContext(path, handler);
    return this;
  }

  static Responder text(int status, String body) {
    return (exchange, request) ->
        send(exchange, status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static Responder redirect(int status, String location) {
    return (exchange, request) -> {
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
