package org.devicelink.server.links;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.devicelink.i18n.Messages;

/**
 * A coarse view of where a request came from: the network (IPv4 /24, IPv6 /48), never the exact address, so an
 * approver can tell "my home" from "somewhere else" (RFC 8628 §5.4) without the server exposing more than needed.
 */
public final class Networks {

    private Networks() {}

    /**
     * Whether the approver should be warned that the device asked from another network (RFC 8628 §5.4). One home
     * shares its public IPv4 address (its NAT) or its IPv6 /64; a neighbour in the same public /24 (a carrier's NAT, a
     * campus) is another network; on a local network, its /24. An address that is no IP literal is nobody's network:
     * warned. An IPv4 and an IPv6 address cannot be compared (a dual-stack home puts its TV on one, its phone on the
     * other): not warned, as a warning that is always there teaches people to ignore it.
     */
    public static boolean differ(String deviceAddress, String approverAddress) {
        InetAddress device = parse(deviceAddress);
        InetAddress approver = parse(approverAddress);
        if (device == null || approver == null) {
            return true;
        }
        if (device.getClass() != approver.getClass()) {
            return false;
        }
        if (device.isLoopbackAddress() || approver.isLoopbackAddress()) {
            return device.isLoopbackAddress() != approver.isLoopbackAddress();
        }
        boolean local = isLocal(device) && isLocal(approver);
        int prefixBytes = device instanceof Inet4Address ? (local ? 3 : 4) : 8;
        return !Arrays.equals(Arrays.copyOf(device.getAddress(), prefixBytes),
                Arrays.copyOf(approver.getAddress(), prefixBytes));
    }

    private static boolean isLocal(InetAddress ip) {
        return ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || (ip instanceof Inet6Address && (ip.getAddress()[0] & 0xfe) == 0xfc);
    }

    /** The network, coarse (IPv4 /24, IPv6 /48), with a word on what kind it is, for the approval screen. */
    public static String describe(String address) {
        InetAddress ip = parse(address);
        if (ip == null) {
            return Messages.get("network.unknown");
        }
        if (ip.isLoopbackAddress()) {
            return Messages.get("network.this-computer");
        }
        byte[] bytes = ip.getAddress();
        String network;
        if (ip instanceof Inet4Address) {
            network = (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        } else {
            var prefix = new StringBuilder();
            for (int i = 0; i < 6; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            network = prefix + ":/48";
        }
        return Messages.get(isLocal(ip) ? "network.local" : "network.internet", network);
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
