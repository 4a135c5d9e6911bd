package org.devicelink.server.links;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A coarse view of where a request came from: the network (IPv4 /24, IPv6 /48), never the exact address, so an
 * approver can tell "my home" from "somewhere else" (RFC 8628 §5.4) without the server exposing more than needed.
 */
public final class Networks {

    private Networks() {}

    /** A stable key for "the same network": both sides' requests compare equal when they share it. */
    public static String networkOf(String address) {
        InetAddress ip = parse(address);
        if (ip == null) {
            return "unknown";
        }
        if (ip.isLoopbackAddress()) {
            return "this computer";
        }
        byte[] bytes = ip.getAddress();
        if (ip instanceof Inet4Address) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        var prefix = new StringBuilder();
        for (int i = 0; i < 6; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix + ":/48";
    }

    /** The network with a word on what kind it is, for the approval screen. */
    public static String describe(String address) {
        InetAddress ip = parse(address);
        String network = networkOf(address);
        if (ip == null || ip.isLoopbackAddress()) {
            return network;
        }
        boolean local = ip.isSiteLocalAddress() || ip.isLinkLocalAddress()
                || (ip instanceof Inet6Address && (ip.getAddress()[0] & 0xfe) == 0xfc);
        return network + (local ? " (local network)" : " (internet)");
    }

    private static InetAddress parse(String address) {
        if (address == null || address.isBlank() || address.length() > 64 || !address.matches("[0-9a-fA-F:.%]+")) {
            return null; // only literals: never a DNS lookup
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
