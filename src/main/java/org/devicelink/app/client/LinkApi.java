package org.devicelink.app.client;

import java.util.List;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;

/**
 * The companion API, typed: every call the app makes to the link server. Calls block; the view models run them off
 * the UI thread. A failure is an {@link ApiFailure} carrying the server's problem type.
 */
public interface LinkApi {

    /** Gives a current access token (refreshing it when due); may block on the network. */
    @FunctionalInterface
    interface Tokens {
        String accessToken() throws Exception;
    }

    PendingLink lookup(UserCode code) throws ApiFailure;

    /** What approving did: linked the device, or (for a child) sent it to a parent to decide. */
    sealed interface Approval {
        record Linked(LinkedDevice device) implements Approval {}

        record AwaitingParent(FamilyRequest request) implements Approval {}
    }

    Approval approve(UserCode code) throws ApiFailure;

    void deny(UserCode code, boolean report) throws ApiFailure;

    List<LinkedDevice> devices() throws ApiFailure;

    LinkedDevice rename(String deviceId, String name) throws ApiFailure;

    LinkedDevice unlink(String deviceId) throws ApiFailure;
}
