package dev.pagewalk.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;

/**
 * An IPv4 address carried inside an IPv6 address, which a translator or tunnel on the way turns
 * back into that IPv4 address: {@code 64:ff9b::7f00:1} reaches 127.0.0.1 through NAT64. {@link
 * NetworkPolicy} judges such an address by the IPv4 address it carries.
 *
 * <p>The forms read: IPv4-compatible {@code ::a.b.c.d} and IPv4-mapped {@code ::ffff:a.b.c.d} (Java
 * already turns a mapped literal into IPv4), SIIT's IPv4-translated {@code ::ffff:0:a.b.c.d} (RFC
 * 2765), NAT64's well-known prefix {@code 64:ff9b::/96} (RFC 6052) and local-use prefix {@code
 * 64:ff9b:1::/48} (RFC 8215), 6to4 {@code 2002:AABB:CCDD::/48} (RFC 3056), and Teredo {@code
 * 2001:0::/32} (RFC 4380), whose client IPv4 address is the last 32 bits inverted — the address the
 * relay delivers to. A local-use NAT64 network may put the IPv4 address at any RFC 6052 prefix
 * length; only the /96 layout (bytes 6 to 11 zero) is read, and any other address in that prefix
 * cannot be judged, so it is refused as it stands.
 */
record EmbeddedIpv4(String carrier, InetAddress ipv4) {
  /**
   * What the policy says of this address: {@code forbidden}'s kind for the IPv4 address, or null
   * when public.
   */
  String forbiddenKind(Function<InetAddress, String> forbidden) {
    if (ipv4 == null) {
      return "a local-use NAT64 (64:ff9b:1::/48 with an embedded IPv4 address that is not in its last 32 bits)";
    }
    String inner = forbidden.apply(ipv4);
    return inner == null
        ? null
        : inner + " (IPv4 " + ipv4.getHostAddress() + " in " + carrier + ")";
  }

  /**
   * The IPv4 address that the 16 bytes of an IPv6 address carry, if they are one of the forms read.
   */
  static Optional<EmbeddedIpv4> in(byte[] b) {
    if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return found("IPv4-mapped IPv6", b, 12);
    }
    if (zero(b, 0, 12)) {
      return found("IPv4-compatible IPv6", b, 12);
    }
    if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
      return found("IPv4-translated IPv6", b, 12);
    }
    boolean nat64 =
        b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    if (nat64 && zero(b, 4, 12)) {
      return found("NAT64", b, 12);
    }
    if (nat64 && b[4] == 0 && b[5] == 1) {
      return zero(b, 6, 12)
          ? found("local-use NAT64", b, 12)
          : Optional.of(new EmbeddedIpv4("local-use NAT64", null));
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return found("6to4", b, 2);
    }
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
      byte[] client = {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
      return found("Teredo", client, 0);
    }
    return Optional.empty();
  }

  private static Optional<EmbeddedIpv4> found(String carrier, byte[] b, int at) {
    try {
      return Optional.of(
          new EmbeddedIpv4(
              carrier,
              InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]})));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
    }
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
