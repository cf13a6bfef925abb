package io.ludo.server.play;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which client a request comes from: its peer address, unless the peer is one of the trusted
 * proxies ({@code LUDO_TRUSTED_PROXIES}: addresses or CIDR blocks, IPv4 or IPv6); then the
 * nearest address of {@code X-Forwarded-For} that is not itself a trusted proxy, read from the
 * right (a client can write anything on the left).
 */
public final class TrustedProxies {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  /** Most X-Forwarded-For entries looked at. */
  private static final int MAX_HOPS = 16;

  private record Block(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = blocks;
  }

  /** From the setting's entries; an entry that is not an address or CIDR block is an error. */
  public static TrustedProxies of(List<String> entries) {
    List<Block> blocks = new ArrayList<>();
    for (String e : entries) {
      String[] parts = e.trim().split("/", 2);
      byte[] net = literal(parts[0]).orElseThrow(
          () -> new IllegalArgumentException("LUDO_TRUSTED_PROXIES: not an address or CIDR block: " + e));
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
      if (bits < 0 || bits > net.length * 8) {
        throw new IllegalArgumentException("LUDO_TRUSTED_PROXIES: bad prefix length in " + e);
      }
      blocks.add(new Block(net, bits));
    }
    return new TrustedProxies(blocks);
  }

  /** The client's address for a request from {@code peer} carrying {@code forwardedFor} (may be null). */
  public String client(String peer, String forwardedFor) {
    if (forwardedFor == null || blocks.isEmpty() || !trusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
      String hop = hops[i].trim();
      if (literal(hop).isEmpty()) {
        return client; // garbage: believe no further
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  boolean trusted(String address) {
    Optional<byte[]> a = literal(address);
    return a.isPresent() && blocks.stream().anyMatch(b -> b.contains(a.get()));
  }

  /** The bytes of an IP literal (never a name lookup), or empty. */
  static Optional<byte[]> literal(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String t = s.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (!IPV4.matcher(t).matches() && !(t.contains(":") && t.matches("[0-9A-Fa-f:.]+"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t).getAddress());
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }
}
