package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UrlBuilderTest {
  static Map<String, Object> qs(Object... nameValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put((String) nameValues[i], nameValues[i + 1]);
    }
    return map;
  }

  @Nested
  class Resolution {
    @Test
    void keepsThePathPrefixOfTheBase() {
      assertThat(UrlBuilder.build("https://x/api/v2", "/users", null, true))
          .hasToString("https://x/api/v2/users");
    }

    @Test
    void putsExactlyOneSlashBetweenBaseAndUrl() {
      assertThat(UrlBuilder.build("https://x/api/", "/users", null, true))
          .hasToString("https://x/api/users");
      assertThat(UrlBuilder.build("https://x/api", "users", null, true))
          .hasToString("https://x/api/users");
    }

    @Test
    void keepsAnAbsoluteUrl() {
      assertThat(UrlBuilder.build("https://x/api", "https://other/next?page=2", null, true))
          .hasToString("https://other/next?page=2");
    }

    @Test
    void usesTheBaseForAnEmptyUrl() {
      assertThat(UrlBuilder.build("https://x/api", null, qs("a", 1), true))
          .hasToString("https://x/api?a=1");
    }

    @Test
    void dropsTheFragment() {
      assertThat(UrlBuilder.build("https://x", "/a#top", qs("b", 2), true))
          .hasToString("https://x/a?b=2");
    }

    @Test
    void refusesARelativeUrlWithoutBase() {
      assertThatThrownBy(() -> UrlBuilder.build(null, "/users", null, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("relative URL \"/users\" needs a baseUrl");
    }

    @Test
    void refusesAnUnparseableUrlNamingItWithTokensMasked() {
      assertThatThrownBy(() -> UrlBuilder.build("https://x", "/a b?token=s3cret", null, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "invalid URL \"https://x/a b?token=***\": Illegal character in path at index 11");
    }

    @Test
    void refusesCredentialsInTheUrlWithThePasswordMasked() {
      assertThatThrownBy(() -> UrlBuilder.build("https://alice:pw-s3cret@x/api", "/a", null, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "invalid URL \"https://alice:***@x/api/a\": credentials (user:password@)"
                  + " in a URL are not sent; put them in a header or the connection");
    }

    @Test
    void refusesAUserAloneMaskingItWhole() {
      assertThatThrownBy(() -> UrlBuilder.build(null, "https://ghp_t0ken@x/a?b=1", null, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid URL \"https://***@x/a?b=1\": credentials");
    }

    @Test
    void masksCredentialsInAnUnparseableUrl() {
      assertThatThrownBy(() -> UrlBuilder.build(null, "https://alice:pw-s3cret@x/a b", null, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "invalid URL \"https://alice:***@x/a b\": Illegal character in path at index 27");
    }

    @Test
    void refusesNonHttpSchemes() {
      assertThatThrownBy(() -> UrlBuilder.build(null, "ftp://x/file", null, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("invalid URL \"ftp://x/file\": only http and https URLs are supported");
    }
  }

  @Nested
  class Query {
    @Test
    void repeatsTheKeyForListValues() {
      assertThat(UrlBuilder.build("https://x", "/a", qs("id", List.of(1, 2), "b", "c"), true))
          .hasToString("https://x/a?id=1&id=2&b=c");
    }

    @Test
    void omitsNullValuesAndNullElements() {
      assertThat(
              UrlBuilder.build(
                  "https://x", "/a", qs("cursor", null, "id", Arrays.asList(1, null, 3)), true))
          .hasToString("https://x/a?id=1&id=3");
    }

    @Test
    void mergesOntoTheQueryAlreadyInTheUrl() {
      assertThat(UrlBuilder.build("https://x", "/a?fixed=1", qs("b", 2), true))
          .hasToString("https://x/a?fixed=1&b=2");
    }

    @Test
    void keepsTheQueryOfTheUrlAsTheAuthorWroteIt() {
      assertThat(UrlBuilder.build("https://x", "/a?q=a%2Fb+c&r=1,2&t", qs("n", "1,2"), true))
          .hasToString("https://x/a?q=a%2Fb+c&r=1,2&t&n=1%2C2");
    }

    @Test
    void rendersValuesWithTheGivenTextFunction() {
      assertThat(UrlBuilder.build("https://x", "/a", qs("flag", true), true, v -> "<" + v + ">"))
          .hasToString("https://x/a?flag=%3Ctrue%3E");
    }

    @Test
    void percentEncodesNamesAndValuesWhenEncodingIsOn() {
      assertThat(UrlBuilder.build("https://x", "/a", qs("created[gte]", "a b&c=d/é~-._"), true))
          .hasToString("https://x/a?created%5Bgte%5D=a%20b%26c%3Dd%2F%C3%A9~-._");
    }

    @Test
    void insertsNamesAndValuesRawWhenEncodingIsOff() {
      assertThat(
              UrlBuilder.build(
                  "https://x", "/a", qs("filter", "a%20b", "created[gte]", "1"), false))
          .hasToString("https://x/a?filter=a%20b&created[gte]=1");
    }

    @Test
    void encodesIllegalCharactersInTheUrlWhenEncodingIsOn() {
      assertThat(UrlBuilder.build("https://x", "/users/Jane Doe", null, true))
          .hasToString("https://x/users/Jane%20Doe");
    }
  }
}
