package org.devicelink.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the companion shows before a person approves: which device, which app, from where and when
 * (RFC 8628 §5.4: enough to notice a request they did not start).
 *
 * @param network        the device's network as the server saw it, coarse ("203.0.113.0/24", "this computer")
 * @param otherNetwork   whether the device asked from another network than the approver's: said only when the two can be
 *                       compared (two addresses of one family) and differ, so that it is worth heeding
 * @param secondsLeft    until the code expires, by the server's clock (the companion counts down from it)
 * @param signsOut       where the app allows one console at a time per account: the consoles approving would sign out,
 *                       by whose account it would be ({@code "me"}, or for a parent a child's id); empty otherwise
 * @param seenByOthers   whether another account has looked this code up too: it may have been sent around (RFC 10027)
 */
public record PendingLink(
        String code,
        String appId,
        String appName,
        String deviceName,
        String deviceModel,
        List<String> scopes,
        String network,
        boolean otherNetwork,
        Instant requestedAt,
        Instant expiresAt,
        long secondsLeft,
        Map<String, List<String>> signsOut,
        boolean seenByOthers) {}
