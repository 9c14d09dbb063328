package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-request secrets are masked while recent; lasting ones for the whole run. */
class AuthSecretsRecentTest {
  @Test
  void keepsTheLastRequestsSecretsAndEveryLastingOne() {
    AuthSecrets secrets = new AuthSecrets();
    secrets.add("client-secret-value");
    for (int i = 0; i < 100; i++) {
      secrets.addForOneRequest("signature-%04d".formatted(i));
    }
    assertThat(secrets.values())
        .hasSize(1 + AuthSecrets.RECENT)
        .contains("client-secret-value", "signature-0099", "signature-0036")
        .doesNotContain("signature-0035", "signature-0000");
  }

  @Test
  void changesItsVersionOnlyWhenWhatItMasksChanges() {
    AuthSecrets secrets = new AuthSecrets();
    assertThat(secrets.version()).isZero();
    secrets.add("client-secret-value");
    long once = secrets.version();
    secrets.add("client-secret-value");
    secrets.add(null);
    assertThat(secrets.version()).isEqualTo(once).isPositive();
    secrets.addForOneRequest("signature-0001");
    assertThat(secrets.version()).isGreaterThan(once);
  }
}
