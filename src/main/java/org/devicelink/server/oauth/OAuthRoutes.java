package org.devicelink.server.oauth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devicelink.server.http.ClientAddress;
import org.devicelink.server.http.Forms;
import org.devicelink.server.http.Headers;
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
    private final SigningKey key;
    private final String issuer;
    private final ClientAddress clientAddress;

    public OAuthRoutes(DeviceAuthorizations authorizations, TokenGrants grants, Revocations revocations, SigningKey key,
                       String issuer, ClientAddress clientAddress) {
        this.authorizations = authorizations;
        this.grants = grants;
        this.revocations = revocations;
        this.key = key;
        this.issuer = issuer;
        this.clientAddress = clientAddress;
    }

    public void register(RoutesConfig routes) {
        routes.get(METADATA, this::metadata);
        routes.get(JWKS, ctx -> Headers.cacheFor(ctx, PUBLIC_DOCUMENTS).contentType("application/jwk-set+json")
                .result(key.publicKeys().toString()));
        routes.post(DEVICE_AUTHORIZATION, ctx -> {
            Forms.requireForm(ctx);
            var request = new DeviceAuthorizations.Request(Forms.single(ctx, "client_id"), Forms.single(ctx, "scope"),
                    Forms.single(ctx, "device_name"), Forms.single(ctx, "device_model"), clientAddress.of(ctx), ctx.userAgent());
            ctx.json(authorizations.start(request));
        });
        routes.post(TOKEN, ctx -> {
            Forms.requireForm(ctx);
            ctx.json(grants.grant(Forms.single(ctx, "grant_type"), Forms.single(ctx, "client_id"),
                    Forms.single(ctx, "device_code"), Forms.single(ctx, "refresh_token")));
        });
        routes.post(REVOKE, ctx -> {
            Forms.requireForm(ctx);
            revocations.revoke(Forms.single(ctx, "client_id"), Forms.single(ctx, "token"), Forms.single(ctx, "token_type_hint"));
            ctx.status(200);
        });
    }

    private void metadata(Context ctx) {
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
        Headers.cacheFor(ctx, PUBLIC_DOCUMENTS).json(metadata);
    }
}
