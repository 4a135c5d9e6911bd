package org.devicelink.server.issuer;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.ClientAddress;
import org.devicelink.server.Pages;
import org.devicelink.server.accounts.TrustedIssuer;
import org.devicelink.server.oauth.OAuthProblem;
import org.devicelink.server.store.AttemptCounters;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.ServerSecrets;
import org.devicelink.server.store.Sql;

/**
 * The local OpenID provider of the embedded default, at {@code {server}/idp}: discovery, a login page (authorization
 * code + PKCE S256, loopback redirects only, CSRF-protected), token endpoint (code, refresh), JWKS and
 * {@code client_info}, shaped so that MSAL4J's {@code oidcAuthority} flow works against it unchanged.
 */
public final class LocalIssuer {

    public static final String DISCOVERY = LocalSignIn.PATH + "/.well-known/openid-configuration";
    public static final String AUTHORIZE = LocalSignIn.PATH + "/oauth2/v2.0/authorize";
    public static final String TOKEN = LocalSignIn.PATH + "/oauth2/v2.0/token";
    public static final String KEYS = LocalSignIn.PATH + "/discovery/v2.0/keys";
    private static final String CSRF_COOKIE = "__Host-devicelink-csrf";

    private final String issuer;
    private final LocalUsers users;
    private final IssuerKeys keys;
    private final IssuerGrants grants;
    private final KeyedHash hash;
    private final AttemptCounters attempts;
    private final int loginFailures;
    private final int addressFailures;
    private final boolean showDemoAccounts;
    private final ClientAddress clientAddress;
    private final SecureRandom random;
    private final String loginTemplate = Pages.load("login.html");
    private final String messageTemplate = Pages.load("message.html");

    /** What the issuer needs from the server's settings. */
    public record Settings(Duration accessLifetime, Duration refreshLifetime, int loginFailures, int addressFailures,
                           boolean demoAccounts) {}

    public LocalIssuer(String baseUrl, Settings settings, Sql sql, ServerSecrets secrets, KeyedHash hash,
                       AttemptCounters attempts, ClientAddress clientAddress, Clock clock, SecureRandom random) {
        this.issuer = LocalSignIn.authority(baseUrl);
        this.users = new LocalUsers(sql, clock, random);
        this.keys = new IssuerKeys(secrets);
        this.hash = hash;
        this.grants = new IssuerGrants(sql, users, keys, hash, issuer, settings.accessLifetime(), settings.refreshLifetime(), clock, random);
        this.attempts = attempts;
        this.loginFailures = settings.loginFailures();
        this.addressFailures = settings.addressFailures();
        this.showDemoAccounts = settings.demoAccounts();
        this.clientAddress = clientAddress;
        this.random = random;
        if (settings.demoAccounts()) {
            DemoAccounts.seed(users);
        }
    }

    /** How the link server trusts this provider's access tokens: in process, with the keys at hand. */
    public TrustedIssuer trustedIssuer() {
        return new TrustedIssuer("local", issuer, URI.create(issuer.replace(LocalSignIn.PATH, "") + KEYS), LocalSignIn.API_AUDIENCE, LocalSignIn.API_SCOPE);
    }

    public JWKSource<SecurityContext> publicKeys() {
        return new ImmutableJWKSet<>(keys.publicKeys());
    }

    public String issuer() {
        return issuer;
    }

    public void register(RoutesConfig routes) {
        routes.get(DISCOVERY, this::discovery);
        routes.get(KEYS, ctx -> ctx.contentType("application/jwk-set+json").result(keys.publicKeys().toString()));
        routes.get(AUTHORIZE, this::showLogin);
        routes.post(AUTHORIZE, this::submitLogin);
        routes.post(TOKEN, this::token);
    }

    private void discovery(Context ctx) {
        String base = issuer.substring(0, issuer.length() - LocalSignIn.PATH.length());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", base + AUTHORIZE);
        metadata.put("token_endpoint", base + TOKEN);
        metadata.put("jwks_uri", base + KEYS);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query", "form_post"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("ES256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("scopes_supported", List.copyOf(AuthorizationRequest.SCOPES));
        metadata.put("claims_supported", List.of("sub", "oid", "tid", "name", "preferred_username", "roles", "family"));
        ctx.header("Cache-Control", "max-age=300").json(metadata);
    }

    private void showLogin(Context ctx) {
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(ctx.queryParamMap());
        } catch (AuthorizationRequest.Unanswerable e) {
            message(ctx, 400, "Sign-in cannot continue", e.getMessage());
            return;
        } catch (AuthorizationRequest.Refused e) {
            answerClient(ctx, e.request, Map.of("error", e.error, "error_description", e.getMessage()));
            return;
        }
        loginPage(ctx, 200, request, "", "");
    }

    private void submitLogin(Context ctx) {
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.verify(ctx.formParam("request"), hash);
        } catch (AuthorizationRequest.Unanswerable e) {
            message(ctx, 400, "Sign-in cannot continue", e.getMessage());
            return;
        }
        String cookie = ctx.cookie(CSRF_COOKIE);
        String field = ctx.formParam("csrf");
        if (cookie == null || field == null || !MessageDigest.isEqual(cookie.getBytes(), field.getBytes())) {
            message(ctx, 400, "Sign-in cannot continue", "This sign-in form did not come from this browser session. "
                    + "Start signing in again from the DeviceLink app (and make sure cookies are allowed for this page).");
            return;
        }
        if ("cancel".equals(ctx.formParam("action"))) {
            answerClient(ctx, request, Map.of("error", "access_denied", "error_description", "The person cancelled sign-in."));
            return;
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (username.isEmpty() || password.isEmpty() || username.length() > 64 || password.length() > 256) {
            loginPage(ctx, 400, request, username.length() > 64 ? "" : username, "Type your username and password.");
            return;
        }
        String userSubject = "login:" + username.toLowerCase(java.util.Locale.ROOT);
        String addressSubject = "login-address:" + clientAddress.of(ctx);
        var wait = attempts.lockedFor(userSubject).or(() -> attempts.lockedFor(addressSubject));
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(AttemptCounters.retryAfterSeconds(wait.get())));
            loginPage(ctx, 429, request, username, "Too many wrong passwords. Wait " + AttemptCounters.waitText(wait.get())
                    + " and try again.");
            return;
        }
        var user = users.authenticate(username, password.toCharArray());
        if (user.isEmpty()) {
            attempts.recordFailure(userSubject, loginFailures);
            attempts.recordFailure(addressSubject, addressFailures);
            loginPage(ctx, 401, request, username, "That username and password do not match. Check them and try again.");
            return;
        }
        attempts.reset(userSubject);
        String code = grants.issueCode(user.get(), request);
        answerClient(ctx, request, Map.of("code", code));
    }

    private void token(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Send the parameters as application/x-www-form-urlencoded.");
        }
        Map<String, Object> response = switch (String.valueOf(ctx.formParam("grant_type"))) {
            case "authorization_code" -> grants.exchangeCode(ctx.formParam("client_id"), ctx.formParam("code"),
                    ctx.formParam("redirect_uri"), ctx.formParam("code_verifier"));
            case "refresh_token" -> grants.refresh(ctx.formParam("client_id"), ctx.formParam("refresh_token"));
            default -> throw new OAuthProblem(OAuthError.UNSUPPORTED_GRANT_TYPE, "Supported: authorization_code, refresh_token.");
        };
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache").json(response);
    }

    private void loginPage(Context ctx, int status, AuthorizationRequest request, String username, String error) {
        var csrf = new byte[24];
        random.nextBytes(csrf);
        String csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(csrf);
        ctx.cookie(new Cookie(CSRF_COOKIE, csrfToken, "/", -1, true, true, null, SameSite.STRICT));
        String demo = showDemoAccounts
                ? "<div class=\"demo\">Demo accounts on this computer: <code>" + DemoAccounts.PARENT + "</code> (parent), <code>"
                  + DemoAccounts.CHILD + "</code> (child), <code>" + DemoAccounts.SUPPORT + "</code> (support); password <code>"
                  + DemoAccounts.PASSWORD + "</code>.</div>"
                : "";
        String page = Pages.render(loginTemplate, Map.of(
                "error", error.isEmpty() ? "" : "<div class=\"error\" role=\"alert\">" + Pages.escape(error) + "</div>",
                "action", AUTHORIZE,
                "request", Pages.escape(request.sign(hash)),
                "csrf", csrfToken,
                "username", Pages.escape(username),
                "demo", demo,
                "server", Pages.escape(issuer.substring(0, issuer.length() - LocalSignIn.PATH.length()))));
        secureHeaders(ctx, "form-action 'self'").status(status).html(page);
    }

    /** Sends the result back to the app's loopback listener, by auto-posted form or by redirect. */
    private void answerClient(Context ctx, AuthorizationRequest request, Map<String, String> result) {
        Map<String, String> params = new LinkedHashMap<>(result);
        if (request.state() != null) {
            params.put("state", request.state());
        }
        if ("form_post".equals(request.responseMode())) {
            var fields = new StringBuilder();
            params.forEach((k, v) -> fields.append("<input type=\"hidden\" name=\"").append(Pages.escape(k))
                    .append("\" value=\"").append(Pages.escape(v)).append("\">"));
            String form = "<form method=\"post\" action=\"" + Pages.escape(request.redirectUri()) + "\">" + fields
                    + "<noscript><button type=\"submit\">Continue to the DeviceLink app</button></noscript></form>"
                    + "<script>document.forms[0].submit()</script>";
            String page = Pages.render(messageTemplate, Map.of("title", "Returning to DeviceLink",
                    "message", "You can close this tab once the app says you are signed in.", "extra", form));
            URI target = URI.create(request.redirectUri());
            secureHeaders(ctx, "form-action " + target.getScheme() + "://" + target.getRawAuthority() + "; script-src 'unsafe-inline'")
                    .html(page);
        } else {
            var query = new StringBuilder();
            params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            ctx.redirect(request.redirectUri() + query, io.javalin.http.HttpStatus.FOUND);
        }
    }

    private void message(Context ctx, int status, String title, String message) {
        secureHeaders(ctx, "form-action 'none'").status(status)
                .html(Pages.render(messageTemplate, Map.of("title", Pages.escape(title), "message", Pages.escape(message), "extra", "")));
    }

    private static Context secureHeaders(Context ctx, String extraPolicy) {
        return ctx.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; " + extraPolicy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }
}
