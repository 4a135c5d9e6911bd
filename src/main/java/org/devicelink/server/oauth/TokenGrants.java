package org.devicelink.server.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.TokenResponse;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.http.OAuthProblem;
import org.devicelink.server.store.EndReason;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.Sql;
import org.devicelink.server.tokens.TokenRotation;

/**
 * {@code POST /oauth2/token}: the device-code grant (RFC 8628 §3.4–3.5) and the refresh-token grant with rotation
 * and reuse detection.
 */
public final class TokenGrants {

    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String REFRESH_TOKEN_GRANT = "refresh_token";
    /** The most frequent answer of all, made (and serialized) once. */
    private static final Answer.StillWaiting STILL_PENDING = new Answer.StillWaiting(
            new OAuthProblem(OAuthError.AUTHORIZATION_PENDING, "Waiting for the person to approve on their DeviceLink app."));

    /**
     * {@code slow_down} answers by their new interval, each made (and serialized) once: a device that hurries costs no
     * more to answer than one that waits. At most one per second of a code's lifetime, as no interval passes it.
     */
    private static final Map<Integer, Answer.StillWaiting> SLOW_DOWN = new ConcurrentHashMap<>();

    private final Sql sql;
    private final PendingLinkStore links;
    private final LinkedDeviceStore devices;
    private final DeviceTokens tokens;
    private final TokenRotation rotation;
    private final ActivityRecorder activity;
    private final KeyedHash hash;
    private final PendingPolls polls;
    private final Clock clock;

    public TokenGrants(Sql sql, PendingLinkStore links, LinkedDeviceStore devices, DeviceTokens tokens, TokenRotation rotation,
                ActivityRecorder activity, KeyedHash hash, PendingPolls polls, Clock clock) {
        this.sql = sql;
        this.links = links;
        this.devices = devices;
        this.tokens = tokens;
        this.rotation = rotation;
        this.activity = activity;
        this.hash = hash;
        this.polls = polls;
        this.clock = clock;
    }

    /**
     * A token request's answer: its tokens, or a device code's "still waiting" ({@code authorization_pending} or
     * {@code slow_down}), returned rather than thrown because it is the answer to nearly every request. Every other
     * refusal is thrown.
     */
    public sealed interface Answer {
        record Tokens(TokenResponse response) implements Answer {}

        record StillWaiting(OAuthProblem answer) implements Answer, Decision {}
    }

    public Answer grant(String grantType, String clientId, String deviceCode, String refreshToken) {
        Params.required(grantType, "grant_type", 128);
        Params.required(clientId, "client_id", 64);
        return switch (grantType) {
            case DEVICE_CODE_GRANT -> redeemDeviceCode(clientId, Params.required(deviceCode, "device_code", 128));
            case REFRESH_TOKEN_GRANT -> new Answer.Tokens(refresh(clientId, Params.required(refreshToken, "refresh_token", 128)));
            default -> throw new OAuthProblem(OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "Supported grant types: " + DEVICE_CODE_GRANT + ", " + REFRESH_TOKEN_GRANT + ".");
        };
    }

    /** The name under which a device code's decision is announced, and its polls remembered. */
    String pollKey(String deviceCode) {
        return hash.of(KeyedHash.Kind.DEVICE_CODE, deviceCode);
    }

    /** Whether the code is still waiting for its person: asked once a held poll has subscribed to its decision. */
    boolean stillWaiting(String clientId, String deviceCode) {
        String key = pollKey(deviceCode);
        return polls.find(key).isPresent() || request(deviceCode, key)
                .filter(l -> l.clientId().equals(clientId) && l.status().waiting() && !l.expiredAt(clock.instant()))
                .isPresent();
    }

    /**
     * Once a held poll has waited, the answer the same poll would get (not paced again): pending, denied or expired are
     * thrown, as they change nothing. An approved code returns instead of being redeemed: its tokens go to the device's
     * next request, never down a connection held for seconds that may have died meanwhile (a proxy's timeout, a
     * network change), where they would be lost and the code used up.
     */
    void afterWait(String clientId, String deviceCode) {
        if (decision(clientId, deviceCode, false) instanceof Answer.StillWaiting(OAuthProblem answer)) {
            throw answer;
        }
    }

    private Answer redeemDeviceCode(String clientId, String deviceCode) {
        return switch (decision(clientId, deviceCode, true)) {
            case Approved(PendingLinkStore.Row link) -> new Answer.Tokens(handOver(link));
            case Answer.StillWaiting waiting -> waiting;
        };
    }

    private sealed interface Decision permits Approved, Answer.StillWaiting {}

    private record Approved(PendingLinkStore.Row link) implements Decision {}

    /**
     * A device code's approved, unredeemed link, or the answer that it is still waiting; any other answer is thrown. A
     * pending code remembered by this node is answered from memory; any other is read from its row (one indexed read)
     * and remembered while it waits.
     */
    private Decision decision(String clientId, String deviceCode, boolean paced) {
        Instant now = clock.instant();
        String key = pollKey(deviceCode);
        var remembered = polls.find(key).filter(w -> !w.expiredAt(now));
        if (remembered.isPresent()) {
            if (!remembered.get().clientId.equals(clientId)) {
                throw unknown();
            }
            return pending(remembered.get(), now, paced);
        }
        if (DeviceCodes.older(deviceCode)) {
            throw expired(); // issued before an upgrade (V11): RFC 8628 has the device ask for a new code
        }
        long epoch = polls.epoch();
        var link = request(deviceCode, key).filter(l -> l.clientId().equals(clientId)).orElseThrow(TokenGrants::unknown);
        return switch (link.status()) {
            case PENDING, AWAITING_PARENT -> {
                if (link.expiredAt(now)) {
                    throw expired();
                }
                yield pending(polls.remember(link, epoch), now, paced);
            }
            case DENIED -> throw new OAuthProblem(OAuthError.ACCESS_DENIED, "The request was denied.");
            case APPROVED -> {
                if (link.expiredAt(now)) {
                    devices.end(link.deviceId(), DeviceStatus.UNLINKED, EndReason.NOT_COLLECTED, now); // it never got its tokens
                    throw expired();
                }
                yield new Approved(link);
            }
            case REDEEMED -> throw used();
        };
    }

    /** The request a device code names, read on its row id ({@link DeviceCodes}). */
    private Optional<PendingLinkStore.Row> request(String deviceCode, String key) {
        return DeviceCodes.rowId(deviceCode).flatMap(id -> links.findForDevice(id, key));
    }

    /** RFC 8628 §3.5: {@code authorization_pending}, or {@code slow_down} for good when polled too soon. */
    private Answer.StillWaiting pending(PendingPolls.Waiting waiting, Instant now, boolean paced) {
        int slower = paced ? waiting.pace(now) : 0;
        if (slower > 0) {
            return SLOW_DOWN.computeIfAbsent(slower, seconds -> new Answer.StillWaiting(
                    new OAuthProblem(OAuthError.SLOW_DOWN, "Polling too fast: wait " + seconds + " seconds between polls.", seconds)));
        }
        return STILL_PENDING;
    }

    private TokenResponse handOver(PendingLinkStore.Row link) {
        return sql.inTransaction(() -> {
            if (!links.redeem(link.id(), clock.instant())) {
                throw used();
            }
            var device = devices.find(link.deviceId()).filter(d -> d.status() == DeviceStatus.ACTIVE)
                    .orElseThrow(() -> new OAuthProblem(OAuthError.ACCESS_DENIED,
                    "The device was unlinked before it collected its tokens."));
            return tokens.issue(device);
        });
    }

    private TokenResponse refresh(String clientId, String refreshToken) {
        Instant now = clock.instant();
        var result = rotation.rotate(devices.refreshTokens(), hash.of(KeyedHash.Kind.REFRESH_TOKEN, refreshToken), clientId, now,
                deviceId -> tokens.issue(devices.find(deviceId).orElseThrow()), this::recordReuse);
        return switch (result) {
            case TokenRotation.Result.Rotated<TokenResponse>(TokenResponse issued) -> issued;
            case TokenRotation.Result.Refused<TokenResponse>(TokenRotation.Refusal refusal, var token) -> throw switch (refusal) {
                case UNKNOWN -> new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown refresh token: link the device again.");
                case OTHER_CLIENT -> new OAuthProblem(OAuthError.INVALID_GRANT, "This refresh token was issued to another client.");
                case ENDED -> new OAuthProblem(OAuthError.INVALID_GRANT, endedMessage(devices.find(token.chainId()).orElseThrow()));
                case EXPIRED -> new OAuthProblem(OAuthError.INVALID_GRANT, "The refresh token has expired: link the device again.");
                case REUSED -> new OAuthProblem(OAuthError.INVALID_GRANT, "This refresh token was already used, so the device's "
                        + "session has been ended for safety. Link the device again.");
            };
        };
    }

    private void recordReuse(String deviceId) {
        devices.find(deviceId).ifPresent(d -> activity.record(new Activity(ActivityKind.REFRESH_TOKEN_REUSE, d.accountId(), d.id(),
                d.name(), d.clientId(), null)));
    }

    private static String endedMessage(LinkedDeviceStore.Device device) {
        return switch (device.endReason() == null ? EndReason.UNLINKED_BY_OWNER : device.endReason()) {
            case REFRESH_TOKEN_REUSE -> "The device's session was ended because a refresh token was reused. Link the device again.";
            case SIGNED_OUT -> "The device signed out. Link it again.";
            case UNLINKED_BY_OWNER -> "The device was unlinked from its account. Link it again.";
            case NOT_COLLECTED -> "The device never collected its tokens before its code expired. Link it again.";
            case REPLACED -> "Signed out: this app allows one console at a time per account, and the account linked another one. "
                    + "Link this console again to use it here (the other will be signed out).";
            case SIGNED_OUT_EVERYWHERE -> "The account signed out of all its devices. Link this device again.";
        };
    }

    private static OAuthProblem unknown() {
        return new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown device_code for this client.");
    }

    private static OAuthProblem used() {
        return new OAuthProblem(OAuthError.INVALID_GRANT, "This device_code has already been used.");
    }

    private static OAuthProblem expired() {
        return new OAuthProblem(OAuthError.EXPIRED_TOKEN, "The code has expired: start over to get a new one.");
    }
}
