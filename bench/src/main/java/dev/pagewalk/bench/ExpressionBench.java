package dev.pagewalk.bench;

import dev.pagewalk.expr.Bindings;
import dev.pagewalk.expr.ExpressionCompiler;
import dev.pagewalk.expr.Scope;
import dev.pagewalk.expr.Template;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.ResponseDecoder;
import dev.pagewalk.http.ResponseType;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.ResponsePlan;
import dev.pagewalk.spi.Headers;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-record cost of pagewalk's compiled expressions, on a decoded page of 1000 benchmark records:
 * the specs' {@code output} (10 fields), {@code key}, an {@code iterate.condition}, and template
 * rendering (an interpolated URL and a query map). Each has a hand-written Java twin, so the
 * interpreter's overhead per record can be read off directly. Scores are ns per record. Non-path
 * expressions run on compiled MVEL, whose reflective call sites settle only after a few seconds of
 * calls: hence eight warm-up iterations.
 *
 * <pre>java -cp bench/target/pagewalk-bench.jar org.openjdk.jmh.Main ExpressionBench</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@OperationsPerInvocation(ExpressionBench.PAGE)
public class ExpressionBench {
  static final int PAGE = 1000;

  private List<?> items;
  private Template output;
  private Template key;
  private Template condition;
  private Template url;
  private Template qs;
  private final Slots slots = new Slots();

  /** Bindings as the engine exposes them: a switch over the variable name. */
  static final class Slots implements Bindings {
    Object item;
    final Map<String, Object> parameters = Map.of("limit", 1000L);
    final Map<String, Object> pagination =
        new LinkedHashMap<>(Map.of("offset", 5000L, "page", 6L, "pageSize", 1000L));

    @Override
    public Object variable(String name) {
      return switch (name) {
        case "item" -> item;
        case "parameters" -> parameters;
        case "pagination" -> pagination;
        default -> null;
      };
    }
  }

  @Setup
  public void setUp() throws Exception {
    ByteBuf page = new ByteBuf(1 << 20);
    Dataset data = new Dataset(Compare.SEED);
    page.put((byte) '[');
    for (int i = 0; i < PAGE; i++) {
      if (i > 0) {
        page.put((byte) ',');
      }
      data.write(i, page);
    }
    page.put((byte) ']');
    byte[] body = Arrays.copyOf(page.array(), page.size());
    HttpResponse response =
        new HttpResponse(
            200,
            "OK",
            Headers.of(List.of(Map.entry("Content-Type", "application/json"))),
            body,
            URI.create("http://127.0.0.1/"));
    items = (List<?>) ResponseDecoder.defaults().decode(response, ResponseType.AUTOMATIC);

    Plan plan = Plan.of(Style.OFFSET.plan());
    ResponsePlan resp = plan.outputRequest().response();
    output = resp.output();
    key = resp.key();
    ExpressionCompiler compiler = new ExpressionCompiler();
    Scope recordScope =
        new Scope("response.iterate.condition", Set.of("item", "body", "parameters", "pagination"));
    condition = compiler.compile("{{item.status != 'closed' && item.amount > 100}}", recordScope);
    url =
        compiler.compile(
            "/customers/{{item.id}}/orders?since={{item.created_at}}",
            recordScope.at("request.url"));
    qs =
        compiler.compile(
            Map.of("offset", "{{pagination.offset}}", "limit", "{{parameters.limit}}"),
            recordScope.at("request.qs"));
  }

  @Benchmark
  public void output(Blackhole bh) {
    for (Object item : items) {
      slots.item = item;
      bh.consume(output.evaluate(slots));
    }
  }

  @Benchmark
  public void outputByHand(Blackhole bh) {
    for (Object item : items) {
      bh.consume(project((Map<?, ?>) item));
    }
  }

  @Benchmark
  public void key(Blackhole bh) {
    for (Object item : items) {
      slots.item = item;
      bh.consume(key.evaluate(slots));
    }
  }

  @Benchmark
  public void keyByHand(Blackhole bh) {
    for (Object item : items) {
      bh.consume(((Map<?, ?>) item).get("id"));
    }
  }

  @Benchmark
  public void iterateCondition(Blackhole bh) {
    for (Object item : items) {
      slots.item = item;
      bh.consume(condition.evaluate(slots));
    }
  }

  @Benchmark
  public void iterateConditionByHand(Blackhole bh) {
    for (Object item : items) {
      Map<?, ?> m = (Map<?, ?>) item;
      bh.consume(
          !"closed".equals(m.get("status"))
              && m.get("amount") instanceof Number n
              && new java.math.BigDecimal(n.toString()).compareTo(java.math.BigDecimal.valueOf(100))
                  > 0);
    }
  }

  @Benchmark
  public void renderUrl(Blackhole bh) {
    for (Object item : items) {
      slots.item = item;
      bh.consume(url.evaluate(slots));
    }
  }

  @Benchmark
  public void renderUrlByHand(Blackhole bh) {
    for (Object item : items) {
      Map<?, ?> m = (Map<?, ?>) item;
      bh.consume("/customers/" + m.get("id") + "/orders?since=" + m.get("created_at"));
    }
  }

  @Benchmark
  public void renderQs(Blackhole bh) {
    for (int i = 0; i < PAGE; i++) {
      bh.consume(qs.evaluate(slots));
    }
  }

  private static Map<String, Object> project(Map<?, ?> item) {
    Map<String, Object> out = new LinkedHashMap<>(32);
    put(out, "id", item.get("id"));
    put(out, "name", item.get("name"));
    put(out, "email", item.get("email"));
    put(out, "status", item.get("status"));
    put(out, "amount", item.get("amount"));
    put(out, "currency", item.get("currency"));
    put(out, "created_at", item.get("created_at"));
    Object address = item.get("address");
    if (address instanceof Map<?, ?> a) {
      put(out, "city", a.get("city"));
      put(out, "country", a.get("country"));
    }
    put(out, "tags", item.get("tags"));
    return out;
  }

  private static void put(Map<String, Object> out, String k, Object v) {
    if (v != null) {
      out.put(k, v);
    }
  }
}
