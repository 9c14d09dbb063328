package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The network policy is not in the transport SPI, yet the Apache transport still checks its own DNS
 * answers against it: it reads the policy from the exchange the engine made for the hop. These
 * tests call the transport directly, below the engine's own check, and only connect to loopback.
 */
class HopExchangeTest {
  final LoopbackServer server = new LoopbackServer();
  final ApacheTransport apache = new ApacheTransport();

  @AfterEach
  void stop() {
    apache.close();
    server.close();
  }

  @Test
  void theApacheTransportRefusesAtResolutionWhatTheEnginesExchangeForbids() {
    server.on("/", LoopbackServer.text(200, "secret"));
    Transport.Exchange hop =
        DeadlineGuard.start(null, null).exchange(NetworkGuardTest.DENY_PRIVATE);
    assertThatThrownBy(
            () ->
                apache.send(NetworkGuardTest.get(NetworkGuardTest.viaLocalhost(server, "/")), hop))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessageMatching(
            "host localhost resolves to a loopback address (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1),"
                + " refused by network\\.denyPrivateAddresses");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void anExchangeTheEngineDidNotMakeCarriesNoPolicy() throws Exception {
    server.on("/", LoopbackServer.text(200, "ok"));
    Transport.Exchange foreign = abort -> {};
    assertThat(HopExchange.networkOf(foreign)).isEqualTo(NetworkPolicy.UNRESTRICTED);
    try (Transport.Response r =
        apache.send(NetworkGuardTest.get(NetworkGuardTest.viaLocalhost(server, "/")), foreign)) {
      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(server.received()).hasSize(1);
  }
}
