package org.devicelink.server.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.http.OAuthProblem;
import org.devicelink.server.limits.CodeIssuance;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkStatus;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.RowIds;
import org.devicelink.server.store.Sql;

/** RFC 8628 §3.1–3.2: a device asks to be linked and gets its two codes. */
public final class DeviceAuthorizations {

    public static final int MAX_DEVICE_NAME = 64;
    public static final int MAX_SCOPE = 512;

    private final DeviceAppStore apps;
    private volatile Map<String, DeviceAppStore.App> known = Map.of();
    private final PendingLinkStore links;
    private final PendingPolls polls;
    private final CodeIssuance issuance;
    private final KeyedHash hash;
    private final VerificationLink verificationLink;
    private final Duration lifetime;
    private final int interval;
    private final Clock clock;
    private final SecureRandom random;

    public DeviceAuthorizations(DeviceAppStore apps, PendingLinkStore links, PendingPolls polls, CodeIssuance issuance, KeyedHash hash,
                         VerificationLink verificationLink, Duration lifetime, int interval, Clock clock, SecureRandom random) {
        this.apps = apps;
        this.links = links;
        this.polls = polls;
        this.issuance = issuance;
        this.hash = hash;
        this.verificationLink = verificationLink;
        this.lifetime = lifetime;
        this.interval = interval;
        this.clock = clock;
        this.random = random;
    }

    /** What the device says about itself; all optional but the client id. */
    public record Request(String clientId, String scope, String deviceName, String deviceModel,
                          String clientAddress, String userAgent) {}

    public DeviceAuthorization start(Request request) {
        DeviceAppStore.App app = app(Params.required(request.clientId(), "client_id", 64))
                .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_CLIENT, "Unknown client_id: this device app is not registered."));
        String scope = grantedScope(app, Params.optional(request.scope(), "scope", MAX_SCOPE));
        String name = Params.displayText(request.deviceName(), "device_name", MAX_DEVICE_NAME);
        String model = Params.displayText(request.deviceModel(), "device_model", MAX_DEVICE_NAME);
        var wait = issuance.admit(app.clientId(), request.clientAddress());
        if (wait.isPresent()) {
            throw OAuthProblem.tooMany("Too many codes have been asked for from this network or for this app just now. "
                    + "Try again in " + Messages.waitText(wait.get()) + ".", wait.get());
        }
        Instant now = clock.instant();
        String id = RowIds.next(now);
        String deviceCode = DeviceCodes.issue(id, random);
        long epoch = polls.epoch();
        for (int attempt = 0; ; attempt++) {
            UserCode userCode = UserCode.random(random);
            var row = new PendingLinkStore.Row(id, hash.of(KeyedHash.Kind.DEVICE_CODE, deviceCode),
                    app.clientId(), scope, name, model, request.clientAddress(), Params.truncate(request.userAgent(), 256),
                    now, now.plus(lifetime), interval, LinkStatus.PENDING, null, null, null);
            try {
                links.insert(row, hash.of(KeyedHash.Kind.USER_CODE, userCode.value()));
                polls.remember(row, epoch); // its first polls need not read it back
            } catch (Sql.StoreException e) {
                // one in 2^34 per live code: draw another user code
                if (Sql.isDuplicateKey(e) && attempt < 5) {
                    continue;
                }
                throw e;
            }
            return new DeviceAuthorization(deviceCode, userCode.display(), verificationLink.page().toString(),
                    verificationLink.withCode(userCode).toString(), lifetime.toSeconds(), interval);
        }
    }

    /**
     * Reads the registered apps again; called every minute. A new code needs its app, so the apps are kept in memory
     * rather than read for every code: an app registered since is read on its first request, one removed since is
     * still served for up to a minute.
     */
    public void refreshApps() {
        var all = new HashMap<String, DeviceAppStore.App>();
        apps.all().forEach(app -> all.put(app.clientId(), app));
        known = Map.copyOf(all);
    }

    private Optional<DeviceAppStore.App> app(String clientId) {
        DeviceAppStore.App app = known.get(clientId);
        return app != null ? Optional.of(app) : apps.find(clientId);
    }

    /** Every scope some registered app may ask for (RFC 8414 {@code scopes_supported}). */
    public List<String> scopesSupported() {
        var scopes = new TreeSet<String>();
        known.values().forEach(app -> scopes.addAll(app.allowedScopes()));
        return List.copyOf(scopes);
    }

    /** The requested scopes the app may have; all of the app's scopes when none are asked for. */
    private static String grantedScope(DeviceAppStore.App app, String requested) {
        if (requested == null || requested.isBlank()) {
            return String.join(" ", app.allowedScopes());
        }
        var scopes = new LinkedHashSet<>(List.of(requested.strip().split("\\s+")));
        for (String scope : scopes) {
            if (!app.allowedScopes().contains(scope)) {
                throw new OAuthProblem(OAuthError.INVALID_SCOPE, "Scope '" + Params.truncate(scope, 64)
                        + "' is not allowed for " + app.displayName() + ". Allowed: " + String.join(" ", app.allowedScopes()));
            }
        }
        return String.join(" ", scopes);
    }
}
