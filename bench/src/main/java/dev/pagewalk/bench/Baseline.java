package dev.pagewalk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagewalk.json.JsonConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * What a careful engineer writes without pagewalk: a pooled HttpClient 5, Jackson reading each page
 * as a tree straight from the response stream, a loop per paging style, and the same projection as
 * the specs' {@code output}, written as JSON Lines. With {@code --in-memory} the pages come from
 * {@link PageServer#render} in this thread instead of over HTTP, and are parsed from their bytes,
 * as pagewalk's side then does.
 */
final class Baseline implements AutoCloseable {
  private final CloseableHttpClient client;
  private final ObjectMapper mapper;
  private final PageServer memory;
  private final boolean identity;

  /** Over HTTP when {@code memory} is null, else straight from the server's renderer. */
  Baseline(PageServer memory) {
    this(memory, false);
  }

  /**
   * As {@link #Baseline(PageServer)}; with {@code identity} each item is written as it is instead
   * of projected.
   */
  Baseline(PageServer memory, boolean identity) {
    this.memory = memory;
    this.identity = identity;
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(10, TimeUnit.SECONDS))
                            .setSocketTimeout(Timeout.of(40, TimeUnit.SECONDS))
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.of(40, TimeUnit.SECONDS)).build())
            .build();
    // pagewalk's JSON settings: money as BigDecimal, kept exactly as sent (12.30 stays 12.30)
    this.mapper = JsonConfig.builder().build();
  }

  /**
   * Walks every page of {@code style} and writes each projected record; returns the record count.
   */
  long run(Style style, String baseUrl, int pageSize, JsonLinesSink sink) throws IOException {
    return switch (style) {
      case OFFSET -> offset(baseUrl, pageSize, sink);
      case TOKEN -> token(baseUrl, pageSize, sink);
      case LINK -> link(baseUrl, pageSize, sink);
    };
  }

  private long offset(String baseUrl, int pageSize, JsonLinesSink sink) throws IOException {
    long offset = 0;
    while (true) {
      Page page = get(baseUrl + "/offset/items?offset=" + offset + "&limit=" + pageSize);
      JsonNode data = page.body.get("data");
      writeAll(data, sink);
      offset += data.size();
      if (data.isEmpty() || offset >= page.body.get("total").asLong()) {
        return offset;
      }
    }
  }

  private long token(String baseUrl, int pageSize, JsonLinesSink sink) throws IOException {
    long count = 0;
    String cursor = null;
    while (true) {
      String url = baseUrl + "/token/items?limit=" + pageSize;
      Page page = get(cursor == null ? url : url + "&cursor=" + cursor);
      JsonNode data = page.body.get("data");
      writeAll(data, sink);
      count += data.size();
      JsonNode next = page.body.get("next_cursor");
      if (next == null || next.isNull() || next.asText().isEmpty()) {
        return count;
      }
      cursor = next.asText();
    }
  }

  private long link(String baseUrl, int pageSize, JsonLinesSink sink) throws IOException {
    long count = 0;
    String url = baseUrl + "/link/items?page=1&per_page=" + pageSize;
    while (url != null) {
      Page page = get(url);
      writeAll(page.body, sink);
      count += page.body.size();
      url = page.next;
    }
    return count;
  }

  private void writeAll(JsonNode items, JsonLinesSink sink) {
    for (JsonNode item : items) {
      sink.write(identity ? item : project(item));
    }
  }

  /** The specs' {@code output}, by hand. Missing values are left out, as pagewalk does. */
  private ObjectNode project(JsonNode item) {
    ObjectNode out = mapper.createObjectNode();
    copy(out, "id", item.get("id"));
    copy(out, "name", item.get("name"));
    copy(out, "email", item.get("email"));
    copy(out, "status", item.get("status"));
    copy(out, "amount", item.get("amount"));
    copy(out, "currency", item.get("currency"));
    copy(out, "created_at", item.get("created_at"));
    JsonNode address = item.path("address");
    copy(out, "city", address.get("city"));
    copy(out, "country", address.get("country"));
    copy(out, "tags", item.get("tags"));
    return out;
  }

  private static void copy(ObjectNode out, String name, JsonNode value) {
    if (value != null && !value.isNull()) {
      out.set(name, value);
    }
  }

  private record Page(JsonNode body, String next) {}

  private Page get(String url) throws IOException {
    if (memory != null) {
      java.net.URI uri = java.net.URI.create(url);
      PageServer.Response r =
          memory.render(uri.getRawPath(), uri.getRawQuery(), uri.getHost() + ":" + uri.getPort());
      if (r.status() != 200) {
        throw new IOException("GET " + url + " returned " + r.status());
      }
      return new Page(
          mapper.readTree(r.body(), 0, r.length()), r.link() == null ? null : nextLink(r.link()));
    }
    return client.execute(
        new HttpGet(url),
        response -> {
          HttpEntity entity = response.getEntity();
          if (response.getCode() != 200) {
            throw new IOException("GET " + url + " returned " + response.getCode());
          }
          JsonNode body;
          try (InputStream in = entity.getContent()) {
            body = mapper.readTree(in);
          }
          return new Page(body, nextLink(response.getHeaders("Link")));
        });
  }

  /** The {@code rel="next"} target of RFC 8288 Link headers, or null. */
  static String nextLink(Header[] headers) {
    for (Header h : headers) {
      String next = nextLink(h.getValue());
      if (next != null) {
        return next;
      }
    }
    return null;
  }

  private static String nextLink(String value) {
    for (String part : value.split(",")) {
      int lt = part.indexOf('<');
      int gt = part.indexOf('>', lt + 1);
      if (lt >= 0 && gt > lt && part.substring(gt + 1).replace(" ", "").contains("rel=\"next\"")) {
        return part.substring(lt + 1, gt);
      }
    }
    return null;
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
