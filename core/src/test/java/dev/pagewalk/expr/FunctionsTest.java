package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionsTest {
  static final Map<String, Object> VARS =
      Map.of(
          "body",
          Map.of(
              "users",
                  List.of(
                      Map.of("name", "bob", "age", 30L, "tags", List.of("a")),
                      Map.of("name", "amy", "age", 25L, "tags", List.of("b", "c")),
                      Map.of("name", "bob", "age", 41L, "tags", List.of())),
              "obj", ordered("a", 1L, "b", 2L, "c", 3L),
              "nums", List.of(3L, 1.5, 2L),
              "json", "{\"x\":[1,2.50,{\"y\":\"z\"}]}",
              "text", "Hello World"));

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static String evalJson(String expression) {
    return Expr.json(Expr.eval(expression, VARS));
  }

  @Nested
  class General {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        get(body, 'users[2].name')                 | "amy"
        get(body, 'users[-1].age')                 | 41
        get(body, 'users[9].name')                 | null
        get(body, 'obj.' + 'b')                    | 2
        if(1 > 2, 'a', 'b')                        | "b"
        ifempty('', 'x')                           | "x"
        ifempty(body.missing, 'x')                 | "x"
        ifempty(get(body, 'users[3].tags'), 'x')   | "x"
        ifempty('v', 'x')                          | "v"
        switch(2, 1, 'one', 2, 'two', 'other')     | "two"
        switch(9, 1, 'one', 2, 'two', 'other')     | "other"
        switch(9, 1, 'one')                        | null
        omit(body.obj, 'a', 'c')                   | {"b":2}
        pick(body.obj, 'c', 'a')                   | {"a":1,"c":3}
        pick(body.obj, split('a,b', ','))          | {"a":1,"b":2}
        """)
    void evaluates(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }
  }

  @Nested
  class Text {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        length('héllo')                            | 5
        length(body.users)                         | 3
        length(body.obj)                           | 3
        length(null)                               | 0
        lower(body.text)                           | "hello world"
        upper('abc')                               | "ABC"
        trim('  a b  ')                            | "a b"
        capitalize('hello world')                  | "Hello world"
        startcase('hELLO wORLD')                   | "Hello World"
        replace('a-b-c', '-', '+')                 | "a+b+c"
        substring('Hello', 1, 3)                   | "el"
        substring('Hello', 2)                      | "llo"
        substring('Hello', 3, 99)                  | "lo"
        indexOf('Hello', 'l')                      | 2
        indexOf('Hello', 'l', 3)                   | 3
        indexOf('Hello', 'z')                      | -1
        split('a,b,,c', ',')                       | ["a","b","","c"]
        contains('Hello', 'ell')                   | true
        contains(body.nums, 2)                     | true
        contains(body.nums, '2')                   | false
        encodeURL('a b&c=d/é')                     | "a%20b%26c%3Dd%2F%C3%A9"
        decodeURL('a%20b%26c%3Dd%2F%C3%A9')        | "a b&c=d/é"
        escapeHTML('<a href="x">&\\'</a>')         | "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        stripHTML('<p>Hi <b>there</b></p>')        | "Hi there"
        toString(1.50)                             | "1.50"
        toString(body.obj)                         | "{\\"a\\":1,\\"b\\":2,\\"c\\":3}"
        md5('abc')                                 | "900150983cd24fb0d6963f7d28e17f72"
        sha1('abc')                                | "a9993e364706816aba3e25717850c26c9cd0d89d"
        sha256('abc')                              | "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        base64('user:pass')                        | "dXNlcjpwYXNz"
        base64decode('dXNlcjpwYXNz')               | "user:pass"
        """)
    void evaluates(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }

    @Test
    void computesSha512() {
      assertThat((String) Expr.eval("sha512('abc')")).startsWith("ddaf35a193617aba").hasSize(128);
    }
  }

  @Nested
  class Lists {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        first(body.users).name                     | "bob"
        last(body.users).age                       | 41
        first(body.missing)                        | null
        slice(body.nums, 1)                        | [1.5,2]
        slice(body.nums, 0, 2)                     | [3,1.5]
        slice(body.nums, -1)                       | [2]
        join(map(body.users, 'name'), ', ')        | "bob, amy, bob"
        map(body.users, 'tags[1]')                 | ["a","b",null]
        flatten(map(body.users, 'tags'))           | ["a","b","c"]
        distinct(map(body.users, 'name'))          | ["bob","amy"]
        map(distinct(body.users, 'name'), 'age')   | [30,25]
        sort(body.nums)                            | [1.5,2,3]
        sort(body.nums, 'desc')                    | [3,2,1.5]
        map(sort(body.users, 'asc', 'age'), 'age') | [25,30,41]
        reverse(body.nums)                         | [2,1.5,3]
        keys(body.obj)                             | ["a","b","c"]
        merge(body.nums, [1])                      | [3,1.5,2,1]
        merge(body.obj, pick(body.obj, 'a'))       | {"a":1,"b":2,"c":3}
        add(body.nums, 4, 5)                       | [3,1.5,2,4,5]
        remove(body.nums, 1.5, 3)                  | [2]
        toArray(pick(body.obj, 'a'))               | [{"key":"a","value":1}]
        contains(keys(body.obj), 'b')              | true
        length(body.nums)                          | 3
        """)
    void evaluates(String expression, String json) {
      assertThat(evalJson(expression.replace("[1])", "add(slice(body.nums, 9), 1))")))
          .isEqualTo(json);
    }

    @Test
    void doesNotChangeItsArguments() {
      Expr.eval("sort(body.nums)", VARS);
      Expr.eval("reverse(body.nums)", VARS);
      assertThat(VARS.get("body"))
          .extracting(b -> ((Map<?, ?>) b).get("nums"))
          .isEqualTo(List.of(3L, 1.5, 2L));
    }
  }

  @Nested
  class Numbers {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        abs(-3)                                    | 3
        abs(-2.5)                                  | 2.5
        ceil(1.2)                                  | 2
        floor(-1.2)                                | -2
        round(2.5)                                 | 3
        round(2.4)                                 | 2
        trunc(-2.7)                                | -2
        min(body.nums)                             | 1.5
        max(4, 9, 2)                               | 9
        sum(body.nums)                             | 6.5
        sum(1, 2, 3)                               | 6
        average(2, 4)                              | 3
        average(1, 2)                              | 1.5
        average(body.missing)                      | null
        parseNumber('1,234.5')                     | 1234.5
        parseNumber('1.234,5', ',')                | 1234.5
        parseNumber(' 42 ')                        | 42
        formatNumber(1234567.891, 2)               | "1.234.567,89"
        formatNumber(1234.5, 1, '.', ',')          | "1,234.5"
        formatNumber(-5, 0)                        | "-5"
        """)
    void evaluates(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }
  }

  @Nested
  class Dates {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        formatDate('2026-11-23T14:36:53.123Z', 'YYYY-MM-DD HH:mm:ss.SSS')              | "2026-11-23 14:36:53.123"
        formatDate('2026-11-23T14:36:53Z', 'X')                                        | "1795444613"
        formatDate(1795444613123, 'x')                                                 | "1795444613123"
        formatDate('2026-11-23T14:36:53Z', 'DD.MM.YYYY HH:mm Z', 'Europe/Prague')      | "23.11.2026 15:36 +01:00"
        formatDate('2026-11-23', '[Day] D [of] MMMM YYYY')                             | "Day 23 of November 2026"
        formatDate('2026-11-23T14:36:53+02:00', 'YYYY-MM-DDTHH:mm:ssZ')                | "2026-11-23T12:36:53+00:00"
        parseDate('2026-11-23T14:36:53+02:00')                                         | "2026-11-23T12:36:53.000Z"
        parseDate('23/11/2026 14:36', 'DD/MM/YYYY HH:mm')                              | "2026-11-23T14:36:00.000Z"
        parseDate('23/11/2026 14:36', 'DD/MM/YYYY HH:mm', 'Europe/Prague')             | "2026-11-23T13:36:00.000Z"
        parseDate('1795444613', 'X')                                                   | "2026-11-23T14:36:53.000Z"
        parseDate('2026-11-23 02:36 PM +0100', 'YYYY-MM-DD hh:mm A ZZ')                | "2026-11-23T13:36:00.000Z"
        addSeconds('2026-11-23T14:36:53.123Z', 7)                                      | "2026-11-23T14:37:00.123Z"
        addMinutes('2026-11-23T14:36:53Z', -37)                                        | "2026-11-23T13:59:53.000Z"
        addHours('2026-11-23T23:00:00Z', 2)                                            | "2026-11-24T01:00:00.000Z"
        addDays('2026-11-23', 8)                                                       | "2026-12-01T00:00:00.000Z"
        addMonths('2026-01-31T00:00:00Z', 1)                                           | "2026-02-28T00:00:00.000Z"
        addYears(0, 1)                                                                 | "1971-01-01T00:00:00.000Z"
        """)
    void evaluates(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }
  }

  @Nested
  class JsonAndIdentity {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        createJSON(body.obj)                         | "{\\"a\\":1,\\"b\\":2,\\"c\\":3}"
        parseJSON(body.json).x[2]                    | 2.50
        parseJSON(body.json).x[3].y                  | "z"
        jsonpath(body, '$.users[0].name')            | "bob"
        jsonpath(body, '$.users[?(@.age > 28)].age') | [30,41]
        jsonpath(body, '$.nothing.here')             | null
        jsonpath(body.json, '$.x[0]')                | 1
        basicAuth('user', 'pass')                    | "Basic dXNlcjpwYXNz"
        hash(1) == hash(1.0)                         | true
        hash(body.obj) == hash(parseJSON('{"c":3,"b":2.0,"a":1}')) | true
        hash('a', 1) == hash(add(slice(body.nums, 9), 'a', 1))    | true
        hash('a') == hash('b')                       | false
        """)
    void evaluates(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }

    @Test
    void hashesCanonicalJsonWithSha256() {
      assertThat(Expr.eval("hash(parseJSON('{\"b\": 1.0, \"a\": [true, null]}'))"))
          .isEqualTo(Expr.eval("sha256('{\"a\":[true,null],\"b\":1}')"));
    }

    @Test
    void parseJsonReturnsPlainData() {
      assertThat(Expr.eval("parseJSON('{\"n\": 1, \"d\": 1.5, \"l\": [1]}')"))
          .isEqualTo(Map.of("n", 1L, "d", new java.math.BigDecimal("1.5"), "l", List.of(1L)));
    }
  }

  @Nested
  class RuntimeErrors {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        parseNumber('abc')                   | cannot parse 'abc' as a number
        lower(body.users)                    | lower expects text, got list
        first(body.obj)                      | first expects a list, got map
        keys(body.nums)                      | keys expects a map, got list
        abs('x')                             | abs expects a number, got string
        parseJSON('{')                       | cannot parse JSON at line 1, column 2: Unexpected end-of-input: expected close marker for Object
        formatDate('nope', 'YYYY')           | cannot read 'nope' as a date
        parseDate('x', 'YYYY')               | cannot parse 'x' with format 'YYYY'
        formatDate(0, 'YYYY', 'Mars/Base')   | unknown time zone 'Mars/Base'
        addDays(0, 1.5)                      | cannot add 1.5 days; use a whole number
        sort(body.nums, 'up')                | sort order must be 'asc' or 'desc', not 'up'
        base64decode('!!')                   | cannot decode '!!' as base64
        decodeURL('%zz')                     | cannot decode URL text '%zz'
        get(body, 'a..b' + '')               | invalid path 'a..b'
        """)
    void namesTheProblem(String expression, String message) {
      assertThatThrownBy(() -> Expr.eval(expression, VARS))
          .isInstanceOf(EvaluationException.class)
          .hasMessage("expression {{" + expression + "}}: " + message);
    }
  }
}
