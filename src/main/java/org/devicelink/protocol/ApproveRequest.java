package org.devicelink.protocol;

/**
 * Body of {@code POST /api/v1/links/{code}/approve}: whose account the device joins ("me" when absent), and, where the
 * app's device limit is reached, which of that app's devices to unlink in the same step (its id; null: none).
 */
public record ApproveRequest(String account, String replace) {
    public static final String ME = "me";

    public ApproveRequest(String account) {
        this(account, null);
    }
}
