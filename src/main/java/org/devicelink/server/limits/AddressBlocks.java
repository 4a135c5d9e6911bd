package org.devicelink.server.limits;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The block a client address counts in for guessing limits: an IPv6 address by its /64 (one home or phone network
 * holds a whole /64, so per-address counts would be unlimited), an IPv4 address by the configured prefix (/32: each
 * address; /24: its neighbours too).
 */
public final class AddressBlocks {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.%]+"); // compiled once: every new code asks

    private final int ipv4Prefix;

    public AddressBlocks(int ipv4Prefix) {
        if (ipv4Prefix < 8 || ipv4Prefix > 32) {
            throw new IllegalArgumentException("an IPv4 prefix is 8 to 32 bits");
        }
        this.ipv4Prefix = ipv4Prefix;
    }

    /** "203.0.113.7/32", "2001:db8:1:2::/64"; the text itself when it is not an address literal. */
    public String blockOf(String address) {
        InetAddress ip = parse(address);
        if (ip == null) {
            return String.valueOf(address);
        }
        byte[] bytes = ip.getAddress();
        int prefix = ip instanceof Inet4Address ? ipv4Prefix : 64;
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the address is this computer's own (127.0.0.0/8, ::1). */
    public boolean isLoopback(String address) {
        InetAddress ip = parse(address);
        return ip != null && ip.isLoopbackAddress();
    }

    private static InetAddress parse(String address) {
        if (address == null || address.isBlank() || address.length() > 64 || !LITERAL.matcher(address).matches()) {
            return null; // only literals: never a DNS lookup
        }
        try {
            int zone = address.indexOf('%');
            return InetAddress.getByName(zone < 0 ? address : address.substring(0, zone));
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
