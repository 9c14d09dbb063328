package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.HttpRequest;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The spec's network policy, enforced on every hop. These tests only ever connect to loopback. */
class NetworkGuardTest {
  static final RequestLimits LIMITS = RequestLimits.of(Duration.ofSeconds(5));
  static final NetworkPolicy DENY_PRIVATE = new NetworkPolicy(List.of(), true);

  final LoopbackServer server = new LoopbackServer();
  final LoopbackServer other = new LoopbackServer();
  final ApacheTransport apache = new ApacheTransport();
  final Exchanger transport = new Exchanger(apache);

  @AfterEach
  void stop() {
    transport.close();
    server.close();
    other.close();
  }

  static HttpRequest get(URI uri) {
    return new HttpRequest("GET", uri, null, null);
  }

  static URI viaLocalhost(LoopbackServer s, String path) {
    return URI.create("http://localhost:" + s.uri("/").getPort() + path);
  }

  @Test
  void aHostNameResolvingToLoopbackIsRefused() {
    server.on("/", LoopbackServer.text(200, "secret"));
    assertThatThrownBy(
            () -> transport.send(get(viaLocalhost(server, "/")), LIMITS.withNetwork(DENY_PRIVATE)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessageContaining("host localhost resolves to a loopback address")
        .hasMessageContaining("network.denyPrivateAddresses");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void aLoopbackLiteralIsRefused() {
    server.on("/", LoopbackServer.text(200, "secret"));
    assertThatThrownBy(() -> transport.send(get(server.uri("/")), LIMITS.withNetwork(DENY_PRIVATE)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessage(
            "host 127.0.0.1 resolves to a loopback address 127.0.0.1, refused by network.denyPrivateAddresses");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void aHostOutsideAllowHostsIsRefused() {
    server.on("/", LoopbackServer.text(200, "secret"));
    NetworkPolicy onlyApi = new NetworkPolicy(List.of("api.example.com", "*.example.org"), false);
    assertThatThrownBy(() -> transport.send(get(server.uri("/")), LIMITS.withNetwork(onlyApi)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessage("host 127.0.0.1 is not in network.allowHosts [api.example.com, *.example.org]");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void anAllowedHostIsReached() throws Exception {
    server.on("/", LoopbackServer.text(200, "ok"));
    NetworkPolicy local = new NetworkPolicy(List.of("LOCALHOST"), false);
    HttpResponse response =
        transport.send(get(viaLocalhost(server, "/")), LIMITS.withNetwork(local));
    assertThat(new String(response.body())).isEqualTo("ok");
  }

  @Test
  void aRedirectToAForbiddenHostIsRefused() {
    server.on("/start", LoopbackServer.redirect(302, viaLocalhost(other, "/internal").toString()));
    other.on("/internal", LoopbackServer.text(200, "secret"));
    NetworkPolicy onlyLiteral = new NetworkPolicy(List.of("127.0.0.1"), false);
    assertThatThrownBy(
            () -> transport.send(get(server.uri("/start")), LIMITS.withNetwork(onlyLiteral)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessageContaining("host localhost is not in network.allowHosts");
    assertThat(server.received()).hasSize(1);
    assertThat(other.received()).isEmpty();
  }

  @Test
  void aRedirectToTheMetadataEndpointIsRefusedWithoutConnecting() {
    server.on("/start", LoopbackServer.redirect(302, "http://169.254.169.254/latest/meta-data/"));
    NetworkPolicy policy = new NetworkPolicy(List.of(), true);
    // the first hop is loopback too, so allow it through a policy that only checks the redirect
    NetworkPolicy literalOnly = new NetworkPolicy(List.of("127.0.0.1"), false);
    assertThatThrownBy(
            () -> transport.send(get(server.uri("/start")), LIMITS.withNetwork(literalOnly)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessageContaining("169.254.169.254 is not in network.allowHosts");
    assertThat(NetworkPolicy.forbiddenKind(address("169.254.169.254"))).isEqualTo("a link-local");
    assertThat(policy.denyPrivateAddresses()).isTrue();
  }

  @Test
  void aNat64LiteralForLoopbackIsRefusedBeforeConnecting() {
    server.on("/", LoopbackServer.text(200, "secret"));
    URI nat64 = URI.create("http://[64:ff9b::7f00:1]:" + server.uri("/").getPort() + "/");
    assertThatThrownBy(() -> transport.send(get(nat64), LIMITS.withNetwork(DENY_PRIVATE)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessage(
            "host [64:ff9b::7f00:1] resolves to a loopback (IPv4 127.0.0.1 in NAT64) address "
                + "64:ff9b:0:0:0:0:7f00:1, refused by network.denyPrivateAddresses");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void aTeredoLiteralForLoopbackIsRefusedBeforeConnecting() {
    server.on("/", LoopbackServer.text(200, "secret"));
    URI teredo =
        URI.create(
            "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:" + server.uri("/").getPort() + "/");
    assertThatThrownBy(() -> transport.send(get(teredo), LIMITS.withNetwork(DENY_PRIVATE)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessage(
            "host [2001:0:4136:e378:8000:63bf:80ff:fffe] resolves to a loopback (IPv4 127.0.0.1"
                + " in Teredo) address 2001:0:4136:e378:8000:63bf:80ff:fffe, refused by"
                + " network.denyPrivateAddresses");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void a6to4LiteralForTheMetadataEndpointIsRefusedBeforeConnecting() {
    URI sixToFour = URI.create("http://[2002:a9fe:a9fe::1]/latest/meta-data/");
    assertThatThrownBy(() -> transport.send(get(sixToFour), LIMITS.withNetwork(DENY_PRIVATE)))
        .isInstanceOf(ForbiddenAddressException.class)
        .hasMessage(
            "host [2002:a9fe:a9fe::1] resolves to a link-local (IPv4 169.254.169.254 in 6to4) address "
                + "2002:a9fe:a9fe:0:0:0:0:1, refused by network.denyPrivateAddresses");
  }

  @Test
  void aConnectionPooledByAnUnrestrictedRunIsNotReusedUnderAPolicy() throws Exception {
    server.on("/", LoopbackServer.text(200, "ok"));
    transport.send(get(viaLocalhost(server, "/")), LIMITS);
    assertThatThrownBy(
            () -> transport.send(get(viaLocalhost(server, "/")), LIMITS.withNetwork(DENY_PRIVATE)))
        .isInstanceOf(ForbiddenAddressException.class);
    assertThat(server.received()).hasSize(1);
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Nested
  class Addresses {
    @Test
    void privateRangesAreForbidden() {
      for (String a :
          List.of(
              "127.0.0.1",
              "10.1.2.3",
              "172.16.0.1",
              "172.31.255.255",
              "192.168.1.1",
              "169.254.169.254",
              "0.0.0.0",
              "100.64.0.1",
              "224.0.0.1",
              "255.255.255.255",
              "::1",
              "::",
              "fe80::1",
              "fc00::1",
              "fd12:3456::1",
              "::ffff:10.0.0.1",
              "ff02::1")) {
        assertThat(NetworkPolicy.forbiddenKind(address(a))).as(a).isNotNull();
      }
    }

    @Test
    void ipv4EmbeddedInIpv6IsCheckedAsIpv4() {
      assertThat(NetworkPolicy.forbiddenKind(address("64:ff9b::7f00:1")))
          .isEqualTo("a loopback (IPv4 127.0.0.1 in NAT64)");
      assertThat(NetworkPolicy.forbiddenKind(address("64:ff9b::a9fe:a9fe")))
          .isEqualTo("a link-local (IPv4 169.254.169.254 in NAT64)");
      assertThat(NetworkPolicy.forbiddenKind(address("64:ff9b:1::a00:5")))
          .isEqualTo("a private (IPv4 10.0.0.5 in local-use NAT64)");
      assertThat(NetworkPolicy.forbiddenKind(address("2002:c0a8:101::1")))
          .isEqualTo("a private (IPv4 192.168.1.1 in 6to4)");
      assertThat(NetworkPolicy.forbiddenKind(address("2002:7f00:1::")))
          .isEqualTo("a loopback (IPv4 127.0.0.1 in 6to4)");
      assertThat(NetworkPolicy.forbiddenKind(address("2001:0:4136:e378:8000:63bf:80ff:fffe")))
          .isEqualTo("a loopback (IPv4 127.0.0.1 in Teredo)");
      assertThat(NetworkPolicy.forbiddenKind(address("2001::f5ff:fffa")))
          .isEqualTo("a private (IPv4 10.0.0.5 in Teredo)");
      assertThat(NetworkPolicy.forbiddenKind(address("2001:0:4136:e378:8000:63bf:5601:5601")))
          .isEqualTo("a link-local (IPv4 169.254.169.254 in Teredo)");
      assertThat(NetworkPolicy.forbiddenKind(address("::10.0.0.1")))
          .isEqualTo("a private (IPv4 10.0.0.1 in IPv4-compatible IPv6)");
      assertThat(NetworkPolicy.forbiddenKind(address("::ffff:0:7f00:1")))
          .isEqualTo("a loopback (IPv4 127.0.0.1 in IPv4-translated IPv6)");
      // Java turns an IPv4-mapped literal into the IPv4 address itself
      assertThat(NetworkPolicy.forbiddenKind(address("::ffff:169.254.169.254")))
          .isEqualTo("a link-local");
    }

    @Test
    void aLocalUseNat64AddressWhoseIpv4CannotBeReadIsRefused() {
      // 64:ff9b:1::/48 may be used with any RFC 6052 prefix length; only the /96 layout is read
      assertThat(NetworkPolicy.forbiddenKind(address("64:ff9b:1:7f00:1::")))
          .isEqualTo(
              "a local-use NAT64 (64:ff9b:1::/48 with an embedded IPv4 address that is not in its last 32 bits)");
    }

    @Test
    void publicIpv4EmbeddedInIpv6IsAllowed() {
      for (String a :
          List.of(
              "64:ff9b::808:808",
              "64:ff9b:1::808:808",
              "2002:808:808::1",
              "::ffff:0:808:808",
              "2001:0:4136:e378:8000:63bf:f7f7:f7f7")) {
        assertThat(NetworkPolicy.forbiddenKind(address(a))).as(a).isNull();
      }
    }

    @Test
    void aNameResolvingToNat64LoopbackIsRefusedAtResolution() {
      DnsResolver fake =
          new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
              return new InetAddress[] {address("64:ff9b::808:808"), address("64:ff9b::7f00:1")};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
              return host;
            }
          };
      GuardedDnsResolver resolver = new GuardedDnsResolver(DENY_PRIVATE, fake);
      assertThatThrownBy(() -> resolver.resolve("api.example.com", 443))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessage(
              "host api.example.com resolves to a loopback (IPv4 127.0.0.1 in NAT64) address "
                  + "64:ff9b:0:0:0:0:7f00:1, refused by network.denyPrivateAddresses");
    }

    @Test
    void publicAddressesAreAllowed() {
      for (String a :
          List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2606:4700::1111")) {
        assertThat(NetworkPolicy.forbiddenKind(address(a))).as(a).isNull();
      }
    }

    @Test
    void wildcardsMatchSubdomainsOnly() throws Exception {
      NetworkPolicy p = new NetworkPolicy(List.of("*.example.com"), false);
      p.checkHost("api.example.com");
      p.checkHost("a.b.EXAMPLE.com.");
      assertThatThrownBy(() -> p.checkHost("example.com"))
          .isInstanceOf(ForbiddenAddressException.class);
      assertThatThrownBy(() -> p.checkHost("evil-example.com"))
          .isInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void aPublicNameResolvingToAPrivateAddressIsRefusedAtResolution() {
      DnsResolver fake =
          new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
              return new InetAddress[] {address("93.184.216.34"), address("10.0.0.5")};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
              return host;
            }
          };
      GuardedDnsResolver resolver = new GuardedDnsResolver(DENY_PRIVATE, fake);
      assertThatThrownBy(() -> resolver.resolve("api.example.com", 443))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessage(
              "host api.example.com resolves to a private address 10.0.0.5, refused by network.denyPrivateAddresses");
    }
  }
}
