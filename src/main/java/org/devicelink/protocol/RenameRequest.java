package org.devicelink.protocol;

/** Body of {@code PATCH /api/v1/devices/{id}}. */
public record RenameRequest(String name) {
    public static final int MAX_NAME_LENGTH = 64;
}
