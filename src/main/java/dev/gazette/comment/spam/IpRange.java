package dev.gazette.comment.spam;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR range ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, or a single address). */
record IpRange(byte[] network, int prefix) {

    static IpRange parse(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        byte[] address = literal(parts[0]);
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (address == null || prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("Not a CIDR range: " + cidr);
        }
        return new IpRange(address, prefix);
    }

    boolean contains(String ip) {
        byte[] address = literal(ip);
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    /** The bytes of a literal IPv4 or IPv6 address; null for anything else (never a DNS lookup). */
    private static byte[] literal(String ip) {
        if (ip == null || ip.isBlank() || !ip.trim().matches("[0-9a-fA-F:.%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(ip.trim()).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
