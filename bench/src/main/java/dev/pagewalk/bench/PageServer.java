package dev.pagewalk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback-only HTTP/1.1 (keep-alive) server that generates JSON pages of a {@link Dataset} on
 * the fly. The dataset size is part of the path, so one server serves every size:
 *
 * <ul>
 *   <li>{@code GET /d/{total}/offset/items?offset=0&limit=1000} → {@code
 *       {"total":..,"offset":..,"limit":..,"data":[...]}}
 *   <li>{@code GET /d/{total}/token/items?limit=1000[&cursor=..]} → {@code
 *       {"data":[...],"next_cursor":"..."|null}}
 *   <li>{@code GET /d/{total}/link/items?page=1&per_page=1000} → {@code [...]} with {@code Link:
 *       <...>; rel="next"}
 * </ul>
 *
 * Each worker thread reuses one body buffer; nothing grows with the dataset.
 */
final class PageServer implements AutoCloseable {
  private static final byte[] JSON = "application/json".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_PAGE = 10_000;

  private final HttpServer server;
  private final ExecutorService workers;
  private final Dataset dataset;
  private final ThreadLocal<ByteBuf> buffers = ThreadLocal.withInitial(() -> new ByteBuf(1 << 20));

  private PageServer(HttpServer server, ExecutorService workers, Dataset dataset) {
    this.server = server;
    this.workers = workers;
    this.dataset = dataset;
  }

  static PageServer start(long seed) throws IOException {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK stall every mid-sized response by ~40 ms. Read once, when the
    // server's configuration class is first loaded.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "bench-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(workers);
    PageServer s = new PageServer(server, workers, new Dataset(seed));
    server.createContext("/d/", s::handle);
    server.start();
    return s;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The base URL for a dataset of {@code total} records. */
  String baseUrl(long total) {
    return "http://127.0.0.1:" + port() + "/d/" + total;
  }

  /** One generated response: status, body, and the Link header (null when there is none). */
  record Response(int status, byte[] body, int length, String link) {}

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Response r =
          render(
              ex.getRequestURI().getRawPath(),
              ex.getRequestURI().getRawQuery(),
              ex.getRequestHeaders().getFirst("Host"));
      if (r.status() != 200) {
        ex.sendResponseHeaders(r.status(), -1);
        return;
      }
      if (r.link() != null) {
        ex.getResponseHeaders().set("Link", r.link());
      }
      ex.getResponseHeaders().set("Content-Type", new String(JSON, StandardCharsets.US_ASCII));
      ex.sendResponseHeaders(200, r.length());
      OutputStream out = ex.getResponseBody();
      out.write(r.body(), 0, r.length());
    }
  }

  /**
   * The response to {@code GET path?query}, generated into this thread's reusable buffer (the body
   * array is only valid until the thread's next call). The HTTP handler and the in-memory transport
   * both serve from here, so both see the same bytes.
   */
  Response render(String path, String query, String host) {
    String[] parts = path.split("/");
    if (parts.length != 5 || !"items".equals(parts[4])) {
      return new Response(404, new byte[0], 0, null);
    }
    try {
      long total = Long.parseLong(parts[2]);
      ByteBuf body = buffers.get();
      body.clear();
      String link = null;
      switch (parts[3]) {
        case "offset" -> offset(total, query, body);
        case "token" -> token(total, query, body);
        case "link" -> link = link(host, path, total, query, body);
        default -> {
          return new Response(404, new byte[0], 0, null);
        }
      }
      return new Response(200, body.array(), body.size(), link);
    } catch (RuntimeException e) {
      return new Response(400, new byte[0], 0, null);
    }
  }

  private void offset(long total, String query, ByteBuf body) {
    long offset = param(query, "offset", 0);
    int limit = pageSize(param(query, "limit", 100));
    body.ascii("{\"total\":")
        .number(total)
        .ascii(",\"offset\":")
        .number(offset)
        .ascii(",\"limit\":")
        .number(limit)
        .ascii(",\"data\":");
    items(offset, Math.min(total, offset + limit), body);
    body.put((byte) '}');
  }

  private void token(long total, String query, ByteBuf body) {
    String cursor = text(query, "cursor");
    long offset = cursor == null ? 0 : decodeCursor(cursor);
    int limit = pageSize(param(query, "limit", 100));
    long end = Math.min(total, offset + limit);
    body.ascii("{\"data\":");
    items(offset, end, body);
    body.ascii(",\"next_cursor\":");
    if (end < total) {
      body.put((byte) '"').ascii(encodeCursor(end)).put((byte) '"');
    } else {
      body.ascii("null");
    }
    body.put((byte) '}');
  }

  private String link(String host, String path, long total, String query, ByteBuf body) {
    long page = Math.max(1, param(query, "page", 1));
    int perPage = pageSize(param(query, "per_page", 100));
    long offset = (page - 1) * perPage;
    long end = Math.min(total, offset + perPage);
    items(offset, end, body);
    return end < total
        ? "<http://"
            + host
            + path
            + "?page="
            + (page + 1)
            + "&per_page="
            + perPage
            + ">; rel=\"next\""
        : null;
  }

  private void items(long from, long to, ByteBuf body) {
    body.put((byte) '[');
    for (long i = from; i < to; i++) {
      if (i > from) {
        body.put((byte) ',');
      }
      dataset.write(i, body);
    }
    body.put((byte) ']');
  }

  /** Cursors are opaque to clients: base64url of "o:" + offset. */
  static String encodeCursor(long offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
  }

  static long decodeCursor(String cursor) {
    String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    if (!s.startsWith("o:")) {
      throw new IllegalArgumentException("bad cursor");
    }
    return Long.parseLong(s.substring(2));
  }

  private static int pageSize(long requested) {
    return (int) Math.max(1, Math.min(MAX_PAGE, requested));
  }

  private static long param(String query, String name, long dflt) {
    String v = text(query, name);
    return v == null ? dflt : Long.parseLong(v);
  }

  /** The raw value of a query parameter (all values this server issues are URL-safe). */
  private static String text(String query, String name) {
    if (query == null) {
      return null;
    }
    int i = 0;
    while (i < query.length()) {
      int amp = query.indexOf('&', i);
      int end = amp < 0 ? query.length() : amp;
      int eq = query.indexOf('=', i);
      if (eq > i
          && eq < end
          && query.regionMatches(i, name, 0, name.length())
          && eq - i == name.length()) {
        return query.substring(eq + 1, end);
      }
      i = end + 1;
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
