package io.orderhub.callbacks.sending;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a callback may go to when private networks are not allowed: only public unicast ones.
 * Beyond the JDK's loopback / link-local / site-local flags this refuses the ranges an attacker reaches
 * cloud metadata or internal services through: unspecified, carrier-grade NAT, IPv6 unique-local,
 * multicast, reserved and benchmarking ranges, and IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4).
 */
final class AddressPolicy {

    private AddressPolicy() {}

    /** Why the address is refused, or null when it is a public unicast address. */
    static String refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String inner = refusal(embedded);
                return inner == null ? null : inner + " (embedded in " + v6.getHostAddress() + ")";
            }
            if (v6.isAnyLocalAddress()) {
                return "unspecified address";
            }
            if (v6.isLoopbackAddress()) {
                return "loopback address";
            }
            if (v6.isLinkLocalAddress() || v6.isSiteLocalAddress()) {
                return "link-local address";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local (private) address";
            }
            if (v6.isMulticastAddress()) {
                return "multicast address";
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "documentation address";
            }
            return null;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isLoopbackAddress() || first == 127) {
            return "loopback address";
        }
        if (address.isAnyLocalAddress() || first == 0) {
            return "unspecified address";
        }
        if (address.isLinkLocalAddress() || (first == 169 && second == 254)) {
            return "link-local address";
        }
        if (address.isSiteLocalAddress()
                || first == 10
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)) {
            return "private address";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "carrier-grade NAT (shared) address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "benchmarking address";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "IETF protocol assignment address";
        }
        if (address.isMulticastAddress() || first >= 224) {
            return "multicast or reserved address";
        }
        return null;
    }

    private static InetAddress embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !(isZero(b, 12, 15) || isLoopbackV6(b));
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 11);
        if (mapped || compatible || nat64) {
            return v4(b[12], b[13], b[14], b[15]);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return v4(b[2], b[3], b[4], b[5]);
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopbackV6(byte[] b) {
        return isZero(b, 0, 14) && b[15] == 1;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
