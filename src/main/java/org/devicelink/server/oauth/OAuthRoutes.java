package org.devicelink.server.oauth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.ClientAddress;

/** The device-facing OAuth endpoints: RFC 8628, RFC 6749 token, RFC 7009 revocation, RFC 8414 metadata, JWKS. */
public final class OAuthRoutes {

    public static final String METADATA = "/.well-known/oauth-authorization-server";
    public static final String DEVICE_AUTHORIZATION = "/oauth2/device_authorization";
    public static final String TOKEN = "/oauth2/token";
    public static final String REVOKE = "/oauth2/revoke";
    public static final String JWKS = "/oauth2/jwks";

    private final DeviceAuthorizations authorizations;
    private final TokenGrants grants;
    private final Revocations revocations;
    private final SigningKeys keys;
    private final DeviceApps apps;
    private final String issuer;
    private final ClientAddress clientAddress;

    public OAuthRoutes(DeviceAuthorizations authorizations, TokenGrants grants, Revocations revocations, SigningKeys keys,
                       DeviceApps apps, String issuer, ClientAddress clientAddress) {
        this.authorizations = authorizations;
        this.grants = grants;
        this.revocations = revocations;
        this.keys = keys;
        this.apps = apps;
        this.issuer = issuer;
        this.clientAddress = clientAddress;
    }

    public void register(RoutesConfig routes) {
        routes.get(METADATA, this::metadata);
        routes.get(JWKS, ctx -> ctx.contentType("application/jwk-set+json").result(keys.publicKeys().toString()));
        routes.post(DEVICE_AUTHORIZATION, ctx -> {
            checkForm(ctx);
            var request = new DeviceAuthorizations.Request(param(ctx, "client_id"), param(ctx, "scope"),
                    param(ctx, "device_name"), param(ctx, "device_model"), clientAddress.of(ctx), ctx.userAgent());
            noStore(ctx).json(authorizations.start(request));
        });
        routes.post(TOKEN, ctx -> {
            checkForm(ctx);
            noStore(ctx).json(grants.grant(param(ctx, "grant_type"), param(ctx, "client_id"),
                    param(ctx, "device_code"), param(ctx, "refresh_token")));
        });
        routes.post(REVOKE, ctx -> {
            checkForm(ctx);
            revocations.revoke(param(ctx, "client_id"), param(ctx, "token"), param(ctx, "token_type_hint"));
            noStore(ctx).status(200);
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
        var scopes = new TreeSet<String>();
        apps.all().forEach(app -> scopes.addAll(app.allowedScopes()));
        metadata.put("scopes_supported", List.copyOf(scopes));
        ctx.header("Cache-Control", "max-age=300").json(metadata);
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static void checkForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Send the parameters as application/x-www-form-urlencoded.");
        }
    }

    /** RFC 6749 §3.1: a parameter sent twice is an error, not a choice. */
    private static String param(Context ctx, String name) {
        List<String> values = ctx.formParams(name);
        if (values.size() > 1) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name + " was sent more than once.");
        }
        return values.isEmpty() ? null : values.getFirst();
    }
}
