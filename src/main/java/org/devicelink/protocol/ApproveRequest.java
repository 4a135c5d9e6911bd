package org.devicelink.protocol;

/** Body of {@code POST /api/v1/links/{code}/approve}: whose account the device joins ("me" when absent). */
public record ApproveRequest(String account) {
    public static final String ME = "me";
}
