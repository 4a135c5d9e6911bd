package org.devicelink.server.activity;

/**
 * Where every state change of an account's devices and requests goes: linked, denied, renamed, unlinked, locked out,
 * a refresh token reused. Called inside the change's own transaction, so the record and the change stand or fall
 * together.
 */
public interface ActivityRecorder {

    void record(Activity activity);
}
