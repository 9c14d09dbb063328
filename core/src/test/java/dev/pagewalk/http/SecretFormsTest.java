package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretFormsTest {
  static final String SECRET = "s3 cr/t+&\"q\\\u00fc=9";
  final SecretForms forms = SecretForms.of(Set.of(SECRET));

  static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void masksTheRawAndEveryPercentEncodedForm() {
    assertThat(forms.mask("a " + SECRET + " b")).isEqualTo("a *** b");
    assertThat(forms.mask("/items/s3%20cr%2Ft%2B%26%22q%5C%C3%BC%3D9/x")).isEqualTo("/items/***/x");
    assertThat(forms.mask("/items/s3%20cr/t+&%22q%5C%C3%BC=9?a=1")).isEqualTo("/items/***?a=1");
    assertThat(forms.mask("pw=s3+cr%2Ft%2B%26%22q%5C%C3%BC%3D9&x=1")).isEqualTo("pw=***&x=1");
  }

  @Test
  void masksJsonEscapedForms() {
    assertThat(forms.mask("{\"pw\":\"s3 cr/t+&\\\"q\\\\\u00fc=9\"}")).isEqualTo("{\"pw\":\"***\"}");
    assertThat(forms.mask("{\"pw\":\"s3 cr\\/t+&\\\"q\\\\\\u00fc=9\"}"))
        .isEqualTo("{\"pw\":\"***\"}");
  }

  @Test
  void masksBase64OfTheValueAndOfAnyTextHoldingItAtAnyOffset() {
    assertThat(forms.mask("got " + base64(SECRET) + ".")).isEqualTo("got ***.");
    assertThat(forms.mask("Authorization: Basic " + base64("alice:" + SECRET)))
        .isEqualTo("Authorization: Basic ***");
    for (String prefix : List.of("", "a", "ab", "abc:", "bob:")) {
      String encoded = base64(prefix + SECRET + "!tail");
      assertThat(forms.mask("[" + encoded + "]")).as(prefix).isEqualTo("[***]");
      String urlSafe =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString((prefix + SECRET).getBytes(StandardCharsets.UTF_8));
      assertThat(forms.mask("t=" + urlSafe + "&x")).as(prefix).isEqualTo("t=***&x");
    }
  }

  @Test
  void aBase64MatchStopsAtThePathBeforeIt() {
    assertThat(forms.mask("GET /v1/items/" + base64(SECRET))).isEqualTo("GET /v1/items/***");
  }

  @Test
  void leavesTextWithoutSecretsAndShortSecretsAlone() {
    String text = "GET /v1/items?page=2 returned 400: Zm9vYmFy";
    assertThat(forms.mask(text)).isEqualTo(text);
    assertThat(SecretForms.of(Set.of("ab")).mask("ab YWI=")).isEqualTo("ab YWI=");
    assertThat(SecretForms.of(Set.of()).mask(text)).isEqualTo(text);
  }
}
