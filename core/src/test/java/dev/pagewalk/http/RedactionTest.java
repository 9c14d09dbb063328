package dev.pagewalk.http;

import static dev.pagewalk.http.ApacheTransportTest.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.spi.Headers;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void masksOnlySecretsOfAtLeastThreeCharacters() {
    assertThat(Redaction.maskable("abc")).isTrue();
    assertThat(Redaction.maskable("ab")).isFalse();
    assertThat(Redaction.maskable(null)).isFalse();
  }

  @Nested
  class Uris {
    @Test
    void masksValuesOfSensitiveQueryParameters() {
      URI uri = URI.create("https://x/a?limit=10&api_key=abc&Access_Token=def&sig=1&page=2");

      assertThat(Redaction.redactUri(uri, Set.of(), Set.of()))
          .isEqualTo("https://x/a?limit=10&api_key=***&Access_Token=***&sig=***&page=2");
    }

    @Test
    void masksConfiguredQueryNames() {
      assertThat(
              Redaction.redactUri(
                  URI.create("https://x/a?session=abc&page=2"), Set.of(), Set.of("Session")))
          .isEqualTo("https://x/a?session=***&page=2");
    }

    @Test
    void masksSecretValuesAnywhereRawOrEncoded() {
      URI uri = URI.create("https://x/accounts/s3cr%20t/items?q=s3cr%20t&user=bob");

      assertThat(Redaction.redactUri(uri, Set.of("s3cr t"), Set.of()))
          .isEqualTo("https://x/accounts/***/items?q=***&user=bob");
    }

    @Test
    void keepsEveryOtherPartOfTheQueryAndTheFragmentAsTheyWere() {
      assertThat(
              Redaction.redactUrl(
                  "https://x/a?token=t&&flag&api%5Fkey=k&x=1=2&#f=token=z", Set.of(), Set.of()))
          .isEqualTo("https://x/a?token=***&&flag&api%5Fkey=***&x=1=2&#f=token=z");
      assertThat(Redaction.redactUrl("https://x/a?page=1&key=", Set.of(), Set.of()))
          .isEqualTo("https://x/a?page=1&key=***");
      assertThat(Redaction.redactUrl("https://x/a?", Set.of(), Set.of())).isEqualTo("https://x/a?");
      assertThat(Redaction.redactUrl("https://x/a?token#=x", Set.of(), Set.of()))
          .isEqualTo("https://x/a?token#=x");
    }

    @Test
    void leavesAUriWithoutSecretsAlone() {
      assertThat(Redaction.redactUri(URI.create("https://x/a?page=2"), Set.of("zzz"), Set.of()))
          .isEqualTo("https://x/a?page=2");
    }
  }

  @Nested
  class HeaderFields {
    @Test
    void masksCredentialHeadersAndValuesContainingSecrets() {
      Headers redacted =
          Redaction.redactHeaders(
              headers(
                  "Authorization",
                  "Bearer t",
                  "proxy-authorization",
                  "Basic x",
                  "Cookie",
                  "a=1",
                  "Set-Cookie",
                  "b=2",
                  "X-Api-Key",
                  "k3y-value",
                  "X-Trace",
                  "ok"),
              Set.of("k3y"));

      assertThat(redacted)
          .isEqualTo(
              headers(
                  "Authorization",
                  "***",
                  "proxy-authorization",
                  "***",
                  "Cookie",
                  "***",
                  "Set-Cookie",
                  "***",
                  "X-Api-Key",
                  "***",
                  "X-Trace",
                  "ok"));
    }

    @Test
    void masksNamedSensitiveHeaders() {
      assertThat(
              Redaction.redactHeaders(
                  headers("X-Token", "v", "Accept", "a"), Set.of(), Set.of("x-token")))
          .isEqualTo(headers("X-Token", "***", "Accept", "a"));
    }
  }
}
