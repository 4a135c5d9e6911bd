package org.devicelink.server.activity;

/**
 * One thing that happened to an account: what, and to which device (any of the device fields may be null).
 *
 * @param detail a short note for the log (the new name of a renamed device), or null
 */
public record Activity(ActivityKind kind, String accountId, String deviceId, String deviceName, String appId, String detail) {

    public static Activity of(ActivityKind kind, String accountId) {
        return new Activity(kind, accountId, null, null, null, null);
    }
}
