package org.devicelink.protocol;

import java.time.Instant;

/**
 * A child's approval of a device, waiting for a parent: what the parents' Requests screen lists and the child
 * watches. It carries no code: the child already typed it, and a parent decides by this request's id.
 *
 * @param status      {@code awaiting-parent}, {@code approved}, {@code denied} or {@code expired}
 * @param secondsLeft until the device's code expires and the request with it
 */
public record FamilyRequest(
        String id,
        String childId,
        String childName,
        String appId,
        String appName,
        String deviceName,
        String deviceModel,
        String network,
        Instant requestedAt,
        Instant expiresAt,
        long secondsLeft,
        String status) {

    public static final String AWAITING_PARENT = "awaiting-parent";
    public static final String APPROVED = "approved";
    public static final String DENIED = "denied";
    public static final String EXPIRED = "expired";
}
