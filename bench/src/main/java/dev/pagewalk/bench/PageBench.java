package dev.pagewalk.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pagewalk.expr.Bindings;
import dev.pagewalk.expr.Template;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.ResponseDecoder;
import dev.pagewalk.http.ResponseType;
import dev.pagewalk.json.CanonicalJson;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.spi.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The non-expression parts of a page, per record, on a 1000-record page: decoding (pagewalk's
 * ResponseDecoder vs a Jackson tree vs Jackson with USE_LONG_FOR_INTS instead of the second
 * widening pass) and writing a record as JSON Lines (ObjectWriter on plain maps vs ObjectWriter on
 * a JsonNode vs direct generator calls; a whole item encoded again vs its bytes checked and copied,
 * as identity output is written). Scores are ns per record.
 *
 * <pre>java -cp bench/target/pagewalk-bench.jar org.openjdk.jmh.Main PageBench</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@OperationsPerInvocation(ExpressionBench.PAGE)
public class PageBench {
  private static final ObjectWriter WRITER =
      JsonConfig.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private HttpResponse response;
  private byte[] body;
  private final ResponseDecoder decoder = ResponseDecoder.defaults();
  private final ObjectMapper treeMapper = JsonConfig.builder().build();
  private final ObjectMapper longMapper =
      JsonConfig.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();
  private List<Object> outputs;
  private List<Object> items;
  private int[] starts;
  private int[] ends;
  private List<JsonNode> outputNodes;
  private JsonGenerator generator;
  private JsonLinesWriter pagewalkWriter;

  @Setup
  public void setUp() throws Exception {
    ByteBuf page = new ByteBuf(1 << 20);
    Dataset data = new Dataset(Compare.SEED);
    page.put((byte) '[');
    starts = new int[ExpressionBench.PAGE];
    ends = new int[ExpressionBench.PAGE];
    for (int i = 0; i < ExpressionBench.PAGE; i++) {
      if (i > 0) {
        page.put((byte) ',');
      }
      starts[i] = page.size();
      data.write(i, page);
      ends[i] = page.size();
    }
    page.put((byte) ']');
    body = Arrays.copyOf(page.array(), page.size());
    response =
        new HttpResponse(
            200,
            "OK",
            Headers.of(List.of(Map.entry("Content-Type", "application/json"))),
            body,
            URI.create("http://127.0.0.1/"));
    Template output = Plan.of(Style.OFFSET.plan()).outputRequest().response().output();
    outputs = new ArrayList<>();
    outputNodes = new ArrayList<>();
    items = new ArrayList<>((List<?>) decoder.decode(response, ResponseType.AUTOMATIC));
    for (Object item : items) {
      Bindings b = name -> "item".equals(name) ? item : null;
      Object value = output.evaluate(b);
      outputs.add(value);
      outputNodes.add(treeMapper.valueToTree(value));
    }
    generator = WRITER.createGenerator(OutputStream.nullOutputStream());
    pagewalkWriter = new JsonLinesWriter(OutputStream.nullOutputStream());
  }

  @TearDown
  public void tearDown() throws IOException {
    generator.close();
    pagewalkWriter.close();
  }

  @Benchmark
  public Object decodePagewalk() throws IOException {
    return decoder.decode(response, ResponseType.AUTOMATIC);
  }

  @Benchmark
  public Object decodeTree() throws IOException {
    return treeMapper.readTree(body);
  }

  @Benchmark
  public Object decodeLongForInts() throws IOException {
    return longMapper.readValue(body, Object.class);
  }

  @Benchmark
  public void writeMapsObjectWriter() throws IOException {
    for (Object v : outputs) {
      WRITER.writeValue(generator, v);
      generator.writeRaw('\n');
    }
  }

  @Benchmark
  public void writeNodesObjectWriter() throws IOException {
    for (JsonNode v : outputNodes) {
      WRITER.writeValue(generator, v);
      generator.writeRaw('\n');
    }
  }

  @Benchmark
  public void writeMapsPagewalk() throws IOException {
    for (Object v : outputs) {
      pagewalkWriter.write(v);
    }
  }

  /** Each whole item (the identity output) encoded again, as before raw copies. */
  @Benchmark
  public void writeItemsPagewalk() throws IOException {
    for (Object v : items) {
      pagewalkWriter.write(v);
    }
  }

  /** Each whole item's bytes checked for canonical form and copied, as the JSON Lines sink does. */
  @Benchmark
  public void copyItemsPagewalk() throws IOException {
    for (int i = 0; i < starts.length; i++) {
      if (!CanonicalJson.isCanonical(body, starts[i], ends[i])) {
        throw new IllegalStateException("the bench's items are canonical");
      }
      pagewalkWriter.write(new RawJson(body, starts[i], ends[i]));
    }
  }

  @Benchmark
  public void loopGuardDigest(Blackhole bh) throws Exception {
    bh.consume(java.security.MessageDigest.getInstance("SHA-256").digest(body));
  }
}
