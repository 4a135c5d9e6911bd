package org.devicelink.server.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.server.http.ClientAddress;
import org.devicelink.server.http.Forms;
import org.devicelink.server.http.Headers;
import org.devicelink.server.http.HttpErrors;
import org.devicelink.server.tokens.SigningKey;

/** The device-facing OAuth endpoints: RFC 8628, RFC 6749 token, RFC 7009 revocation, RFC 8414 metadata, JWKS. */
public final class OAuthRoutes {

    public static final String METADATA = "/.well-known/oauth-authorization-server";
    public static final String DEVICE_AUTHORIZATION = "/oauth2/device_authorization";
    public static final String TOKEN = "/oauth2/token";
    public static final String REVOKE = "/oauth2/revoke";
    public static final String JWKS = "/oauth2/jwks";
    private static final Duration PUBLIC_DOCUMENTS = Duration.ofMinutes(5);

    private final DeviceAuthorizations authorizations;
    private final TokenGrants grants;
    private final Revocations revocations;
    private final HeldPolls held;
    private final SigningKey key;
    private final String issuer;
    private final ClientAddress clientAddress;
    private volatile String metadata;

    public OAuthRoutes(DeviceAuthorizations authorizations, TokenGrants grants, Revocations revocations, HeldPolls held, SigningKey key,
                       String issuer, ClientAddress clientAddress) {
        this.authorizations = authorizations;
        this.grants = grants;
        this.revocations = revocations;
        this.held = held;
        this.key = key;
        this.issuer = issuer;
        this.clientAddress = clientAddress;
        refreshMetadata();
    }

    public void register(RoutesConfig routes) {
        routes.get(METADATA, this::metadata);
        routes.get(JWKS, ctx -> Headers.cacheFor(ctx, PUBLIC_DOCUMENTS).contentType("application/jwk-set+json")
                .result(key.publicKeys().toString()));
        routes.post(DEVICE_AUTHORIZATION, ctx -> {
            var form = Forms.read(ctx);
            var request = new DeviceAuthorizations.Request(form.single("client_id"), form.single("scope"),
                    form.single("device_name"), form.single("device_model"), clientAddress.of(ctx), ctx.userAgent());
            ctx.json(authorizations.start(request));
        });
        routes.post(TOKEN, this::token);
        routes.post(REVOKE, ctx -> {
            var form = Forms.read(ctx);
            revocations.revoke(form.single("client_id"), form.single("token"), form.single("token_type_hint"));
            ctx.status(200);
        });
    }

    /**
     * A pending device-code poll that asks to wait ({@code Prefer: wait=N}) is held, with no thread, until its code is
     * decided or the wait is over, and then answered as that same poll would be (denied, or still pending), except that
     * an approved code answers {@code 307} back to this endpoint rather than with the tokens themselves.
     */
    private void token(Context ctx) {
        var form = Forms.read(ctx);
        String clientId = form.single("client_id");
        String deviceCode = form.single("device_code");
        Duration wait = held.requested(ctx.header("Prefer"));
        switch (grants.grant(form.single("grant_type"), clientId, deviceCode, form.single("refresh_token"))) {
            case TokenGrants.Answer.Tokens(var response) -> ctx.json(response);
            case TokenGrants.Answer.StillWaiting(var answer) when wait.isZero()
                    || !OAuthError.AUTHORIZATION_PENDING.equals(answer.error()) -> HttpErrors.answer(ctx, answer);
            case TokenGrants.Answer.StillWaiting _ -> {
                ctx.header("Preference-Applied", "wait=" + wait.toSeconds());
                ctx.future(() -> held.hold(grants.pollKey(deviceCode), wait, () -> grants.stillWaiting(clientId, deviceCode))
                        .thenAccept(decided -> {
                            grants.afterWait(clientId, deviceCode);
                            // approved: ask again at once, and that request, on a live connection, collects the tokens
                            ctx.status(307).header("Location", issuer + TOKEN);
                        }));
            }
        }
    }

    private void metadata(Context ctx) {
        Headers.cacheFor(ctx, PUBLIC_DOCUMENTS).contentType("application/json").result(metadata);
    }

    /**
     * Reads the registered apps and builds the metadata again (it changes only when apps do: their scopes). Called
     * every minute, off the requests,
     * so the metadata is served from memory even while the database is slow or away; a failed rebuild keeps the last.
     */
    public void refreshMetadata() {
        authorizations.refreshApps();
        metadata = json(buildMetadata());
    }

    private static String json(Object value) {
        try {
            return ProtocolJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> buildMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("device_authorization_endpoint", issuer + DEVICE_AUTHORIZATION);
        metadata.put("token_endpoint", issuer + TOKEN);
        metadata.put("revocation_endpoint", issuer + REVOKE);
        metadata.put("jwks_uri", issuer + JWKS);
        metadata.put("grant_types_supported", List.of(TokenGrants.DEVICE_CODE_GRANT, TokenGrants.REFRESH_TOKEN_GRANT));
        metadata.put("response_types_supported", List.of());
        metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("revocation_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("scopes_supported", authorizations.scopesSupported());
        if (!held.max().isZero()) { // our extension: a poll may wait this long for its code's decision (Prefer: wait=N)
            metadata.put(DeviceAuthorization.POLL_WAIT_METADATA, held.max().toSeconds());
        }
        return metadata;
    }
}
