package org.devicelink.app.client;

import java.util.List;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.protocol.CodeStory;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.protocol.Me;
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

    /**
     * @param account {@link org.devicelink.protocol.ApproveRequest#ME}, or (for a parent) a child's id
     * @param replace a device of the same app to unlink in the same step (the app's device limit reached), or null
     */
    Approval approve(UserCode code, String account, String replace) throws ApiFailure;

    void deny(UserCode code, boolean report) throws ApiFailure;

    /** @param member {@link org.devicelink.protocol.ApproveRequest#ME}, or (for a parent) {@link #ALL_MEMBERS} */
    List<LinkedDevice> devices(String member) throws ApiFailure;

    /** The whole family's devices, for a parent. */
    String ALL_MEMBERS = "all";

    LinkedDevice rename(String deviceId, String name) throws ApiFailure;

    LinkedDevice unlink(String deviceId) throws ApiFailure;

    /**
     * Signs {@code member}'s every device out ({@link org.devicelink.protocol.ApproveRequest#ME}, or a parent's child's
     * id); returns how many were.
     */
    int signOutEverywhere(String member) throws ApiFailure;

    /** Linking with a code for {@code member} (me, or a parent's child): on, home or off, and whether it was chosen. */
    LinkingSetting linking(String member) throws ApiFailure;

    LinkingSetting setLinking(String member, String linking) throws ApiFailure;

    /** The account's history, newest first; for a parent with {@link #ALL_MEMBERS}, the family's. */
    List<ActivityEntry> activity(String member) throws ApiFailure;

    /** Who the server says the signed-in person is, and their roles. */
    Me me() throws ApiFailure;

    /** Support: a code a customer reads out, valid or not, and its story. */
    CodeStory lookUpForSupport(UserCode code) throws ApiFailure;

    /** Support: a customer's devices, for a written reason the customer will see. */
    List<LinkedDevice> customerDevices(String customerId, String reason) throws ApiFailure;

    /** The signed-in person and, for a parent, the children who have signed in here. */
    List<FamilyMember> familyMembers() throws ApiFailure;

    /** A parent's children's requests that wait for them, newest first. */
    List<FamilyRequest> familyRequests() throws ApiFailure;

    /** A child's own request (or, for a parent, a child's), whatever became of it. */
    FamilyRequest familyRequest(String requestId) throws ApiFailure;

    LinkedDevice approveRequest(String requestId) throws ApiFailure;

    void declineRequest(String requestId) throws ApiFailure;

    /**
     * Calls {@code onChange} (on its own thread) when the server's change stream opens and after every change to the
     * family's requests or devices, until the returned feed is closed.
     */
    AutoCloseable watch(Runnable onChange);
}
