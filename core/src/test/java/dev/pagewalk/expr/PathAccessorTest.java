package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure paths skip MVEL; they must agree with the MVEL translation on every kind of data. */
class PathAccessorTest {
  private static final Scope SCOPE = new Scope("test", Set.of("item", "body", "headers"));
  private static final Map<String, Object> ITEM =
      Map.of(
          "id",
          7L,
          "name",
          "x",
          "tags",
          List.of("a", "b", "c"),
          "meta",
          Map.of("deep", Map.of("v", new BigDecimal("1.50")), "list", List.of(Map.of("k", 1L))),
          "x-dash",
          true);
  private static final Bindings BINDINGS =
      name ->
          switch (name) {
            case "item" -> ITEM;
            case "body" -> List.of(ITEM, Map.of("id", 8L));
            case "headers" -> Map.of("x-next", "c2");
            default -> null;
          };

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "item.id",
        "item.name",
        "item.missing",
        "item.tags[1]",
        "item.tags[-1]",
        "item.tags[0]",
        "item.tags[9]",
        "item.tags['x']",
        "item.meta.deep.v",
        "item.meta.list[1].k",
        "item.meta['deep']",
        "item.`x-dash`",
        "item.id.nested",
        "body[2].id",
        "body[-2].name",
        "headers.`x-next`",
        "item.tags[1.0]",
        "item.tags[1.5]"
      })
  void agreesWithTheMvelTranslation(String path) throws ExpressionException {
    List<String> mvel = new ArrayList<>();
    ExpressionCompiler compiler = new ExpressionCompiler(mvel::add);
    Object fast = compiler.compile("{{" + path + "}}", SCOPE).evaluate(BINDINGS);
    Object slow = compiler.compile("{{if(true, " + path + ", null)}}", SCOPE).evaluate(BINDINGS);
    assertThat(fast).isEqualTo(slow);
    assertThat(mvel).hasSize(2);
  }

  @Test
  void aMapOfPathsFromOneVariableLooksItUpOnceAndMatchesEntryByEntryEvaluation()
      throws ExpressionException {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("id", "{{item.id}}");
    spec.put("deep", "{{item.meta.deep.v}}");
    spec.put("gone", "{{item.missing}}");
    spec.put("second", "{{item.tags[2]}}");
    spec.put("all", "{{item}}");
    AtomicInteger lookups = new AtomicInteger();
    Bindings counting =
        name -> {
          lookups.incrementAndGet();
          return BINDINGS.variable(name);
        };
    Object once = Expr.COMPILER.compile(spec, SCOPE).evaluate(counting);
    assertThat(lookups).hasValue(1);

    Map<String, Object> expected = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : spec.entrySet()) {
      Object v = Expr.COMPILER.compile(e.getValue(), SCOPE).evaluate(BINDINGS);
      if (v != null) {
        expected.put(e.getKey(), v);
      }
    }
    assertThat(once).isEqualTo(expected);
    assertThat(new ArrayList<Object>(((Map<?, ?>) once).keySet()))
        .containsExactly("id", "deep", "second", "all");
  }

  @Test
  void uuidStaysFreshForEveryEntryOfAMap() throws ExpressionException {
    Scope scope = new Scope("test", Set.of("uuid"));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("a", "{{uuid}}");
    spec.put("b", "{{uuid}}");
    Bindings fresh = name -> java.util.UUID.randomUUID().toString();
    Map<?, ?> out = (Map<?, ?>) Expr.COMPILER.compile(spec, scope).evaluate(fresh);
    assertThat(out.get("a")).isNotEqualTo(out.get("b"));
  }

  @Test
  void onlyTemplatesOfPathsFromOneVariableBecomeFunctionsOfItsValue() throws ExpressionException {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("id", "{{item.id}}");
    spec.put("deep", "{{item.meta.deep.v}}");
    java.util.function.Function<Object, Object> f =
        Expr.COMPILER.compile(spec, SCOPE).asFunctionOf("item");
    assertThat(f).isNotNull();
    assertThat(f.apply(ITEM)).isEqualTo(Expr.COMPILER.compile(spec, SCOPE).evaluate(BINDINGS));
    assertThat(Expr.COMPILER.compile("{{item.tags[2]}}", SCOPE).asFunctionOf("item").apply(ITEM))
        .isEqualTo("b");

    assertThat(Expr.COMPILER.compile(spec, SCOPE).asFunctionOf("body")).isNull();
    spec.put("n", "{{length(item.tags)}}");
    assertThat(Expr.COMPILER.compile(spec, SCOPE).asFunctionOf("item")).isNull();
    assertThat(
            Expr.COMPILER
                .compile(Map.of("a", "{{item.id}}", "b", "{{body[1].id}}"), SCOPE)
                .asFunctionOf("item"))
        .isNull();
    assertThat(Expr.COMPILER.compile("x{{item.id}}", SCOPE).asFunctionOf("item")).isNull();
    assertThat(
            Expr.COMPILER
                .compile("{{uuid}}", new Scope("test", Set.of("uuid")))
                .asFunctionOf("uuid"))
        .isNull();
  }
}
