package org.devicelink.server.issuer;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.accounts.TrustedIssuer;
import org.devicelink.server.http.ClientAddress;
import org.devicelink.server.http.Forms;
import org.devicelink.server.http.Headers;
import org.devicelink.server.http.OAuthProblem;
import org.devicelink.server.limits.AddressBlocks;
import org.devicelink.server.limits.AttemptLimiter;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LocalUserStore;
import org.devicelink.server.store.ServerSecrets;
import org.devicelink.server.store.SignInStore;
import org.devicelink.server.store.Sql;
import org.devicelink.server.tokens.SigningKey;
import org.devicelink.server.tokens.TokenRotation;

/**
 * The local OpenID provider of the embedded default, at {@code {server}/idp}: discovery, a login page (authorization
 * code + PKCE S256, loopback redirects only, CSRF-protected), token endpoint (code, refresh), JWKS and
 * {@code client_info}, shaped so that MSAL4J's {@code oidcAuthority} flow works against it unchanged.
 */
public final class LocalIssuer implements AutoCloseable {

    public static final String DISCOVERY = LocalSignIn.PATH + "/.well-known/openid-configuration";
    public static final String AUTHORIZE = LocalSignIn.PATH + "/oauth2/v2.0/authorize";
    public static final String TOKEN = LocalSignIn.PATH + "/oauth2/v2.0/token";
    public static final String KEYS = LocalSignIn.PATH + "/discovery/v2.0/keys";
    private static final String CSRF_COOKIE = "__Host-devicelink-csrf";
    private static final String KNOWN_COOKIE = "__Host-devicelink-known";
    private static final Duration KNOWN_FOR = Duration.ofDays(365);
    private static final Duration PUBLIC_DOCUMENTS = Duration.ofMinutes(5);

    private final String issuer;
    private final String browserBase;
    private final LocalUsers users;
    private final SigningKey key;
    private final IssuerGrants grants;
    private final KeyedHash hash;
    private final AttemptLimiter limiter;
    private final AddressBlocks blocks;
    private final PasswordChecks passwords;
    private final int loginFailures;
    private final int addressFailures;
    private final Duration limitWindow;
    private final boolean showDemoAccounts;
    private final ClientAddress clientAddress;
    private final SecureRandom random;
    private final Set<String> webReturns;

    /** What the issuer needs from the server's settings. */
    public record Settings(Duration accessLifetime, Duration refreshLifetime, int loginFailures, int addressFailures,
                           Duration limitWindow, boolean demoAccounts) {}

    /**
     * @param browserBase where a browser reaches the login page: the server itself, or its loopback HTTP entrance
     * @param webReturns  the approval page's callback addresses (client {@link LocalSignIn#WEB_CLIENT_ID} returns to these only)
     */
    public LocalIssuer(String baseUrl, String browserBase, Set<String> webReturns, Settings settings, Sql sql, LocalUsers users,
            ServerSecrets secrets, KeyedHash hash,
                       TokenRotation rotation, AttemptLimiter limiter, AddressBlocks blocks, ClientAddress clientAddress, Clock clock,
                       SecureRandom random) {
        this.issuer = LocalSignIn.authority(baseUrl);
        this.browserBase = browserBase;
        this.users = users;
        this.key = SigningKey.shared(secrets, "local-issuer-signing-key");
        this.hash = hash;
        this.grants = new IssuerGrants(sql, new SignInStore(sql), users, key, rotation, hash, issuer, settings.accessLifetime(),
                settings.refreshLifetime(), clock, random);
        this.limiter = limiter;
        this.blocks = blocks;
        // half the cores at most, so that sign-ins never take the whole machine from devices polling
        this.passwords = new PasswordChecks(users, Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 32);
        this.limitWindow = settings.limitWindow();
        this.loginFailures = settings.loginFailures();
        this.addressFailures = settings.addressFailures();
        this.showDemoAccounts = settings.demoAccounts();
        this.clientAddress = clientAddress;
        this.random = random;
        this.webReturns = Set.copyOf(webReturns);
    }

    /**
     * The approval page's side of its sign-in, in process: its authorization code redeemed (client, redirect and PKCE
     * verifier checked as at the token endpoint) for an access token to the API.
     *
     * @throws OAuthProblem when the code is unknown, used, expired or was issued for another redirect or verifier
     */
    public String webAccessToken(String code, String redirectUri, String verifier) {
        return (String) grants.exchangeCode(LocalSignIn.WEB_CLIENT_ID, code, redirectUri, verifier).get("access_token");
    }

    /** How the link server trusts this provider's access tokens: in process, with the keys at hand. */
    public TrustedIssuer trustedIssuer() {
        return new TrustedIssuer("local", issuer, URI.create(issuer.replace(LocalSignIn.PATH, "") + KEYS), LocalSignIn.API_AUDIENCE,
                LocalSignIn.API_SCOPE,
                null);
    }

    /** Whether one of this provider's sign-ins still stands: its access tokens stop the moment it ends. */
    public boolean signedIn(String signIn) {
        return grants.active(signIn);
    }

    public JWKSource<SecurityContext> publicKeys() {
        return new ImmutableJWKSet<>(key.publicKeys());
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        passwords.close();
    }

    void keys(Context ctx) {
        Headers.cacheFor(ctx, PUBLIC_DOCUMENTS).contentType("application/jwk-set+json").result(key.publicKeys().toString());
    }

    void discovery(Context ctx) {
        String base = issuer.substring(0, issuer.length() - LocalSignIn.PATH.length());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", browserBase + AUTHORIZE);
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
        Headers.cacheFor(ctx, PUBLIC_DOCUMENTS).json(metadata);
    }

    void showLogin(Context ctx) {
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(ctx.queryParamMap(), webReturns);
        } catch (AuthorizationRequest.Unanswerable e) {
            message(ctx, 400, Messages.get("idp.cannot-continue"), e.getMessage());
            return;
        }
        loginPage(ctx, 200, request, "", "");
    }

    void submitLogin(Context ctx) throws InterruptedException {
        // the CSRF token: in the cookie, in the form, and signed into the request; all three must agree
        String cookie = ctx.cookie(CSRF_COOKIE);
        String field = ctx.formParam("csrf");
        if (cookie == null || field == null || !MessageDigest.isEqual(cookie.getBytes(), field.getBytes())) {
            message(ctx, 400, Messages.get("idp.cannot-continue"), Messages.get("idp.refused.other-browser"));
            return;
        }
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.verify(ctx.formParam("request"), field, hash);
        } catch (AuthorizationRequest.Unanswerable e) {
            message(ctx, 400, Messages.get("idp.cannot-continue"), e.getMessage());
            return;
        }
        if ("cancel".equals(ctx.formParam("action"))) {
            answerClient(ctx, request, Map.of("error", "access_denied", "error_description", "The person cancelled sign-in."));
            return;
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (username.isEmpty() || password.isEmpty() || username.length() > 64 || password.length() > 256) {
            loginPage(ctx, 400, request, username.length() > 64 ? "" : username, Messages.get("idp.fill-in"));
            return;
        }
        String name = username.toLowerCase(Locale.ROOT);
        var counted = knownBrowser(ctx, name)
                .map(browser -> List.of(AttemptLimiter.Subject.of("login-browser", browser, loginFailures, limitWindow)))
                .orElseGet(() -> List.of(AttemptLimiter.Subject.of("login", name, loginFailures, limitWindow),
                        AttemptLimiter.Subject.of("login-address", blocks.blockOf(clientAddress.of(ctx)), addressFailures, limitWindow)));
        // counted before the check, so that concurrent wrong passwords cannot get past the limit
        var attempt = limiter.attempt(counted);
        if (attempt.refused()) {
            Duration wait = attempt.refusedFor().orElseThrow();
            ctx.header("Retry-After", Long.toString(Messages.wholeSeconds(wait)));
            loginPage(ctx, 429, request, username, Messages.get("idp.too-many", Messages.waitText(wait)));
            return;
        }
        Optional<LocalUserStore.User> user;
        try {
            user = passwords.authenticate(username, password.toCharArray());
        } catch (PasswordChecks.Busy e) {
            limiter.succeeded(counted); // not judged: not a failure
            ctx.header("Retry-After", "5");
            loginPage(ctx, 503, request, username, Messages.get("idp.busy"));
            return;
        }
        if (user.isEmpty()) {
            limiter.failed(counted);
            loginPage(ctx, 401, request, username, Messages.get("idp.mismatch"));
            return;
        }
        limiter.reset(counted.getFirst());
        limiter.succeeded(counted.subList(1, counted.size()));
        rememberBrowser(ctx, name);
        String code = grants.issueCode(user.get(), request);
        answerClient(ctx, request, Map.of("code", code));
    }

    /**
     * The browser's own count, when the person has signed in with this username from it before. Wrong passwords from
     * anywhere else lock only the browsers the name was never used in: a stranger's guesses cannot lock the person out
     * of their own browser, and every browser (the stranger's among them) still gets the same few guesses.
     */
    private Optional<String> knownBrowser(Context ctx, String username) {
        String mark = ctx.cookie(KNOWN_COOKIE);
        int dot = mark == null || mark.length() > 128 ? -1 : mark.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String browser = mark.substring(0, dot);
        byte[] expected = hash.of(KeyedHash.Kind.KNOWN_BROWSER, username + "|" + browser).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, mark.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(username + "|" + browser) : Optional.empty();
    }

    /** Marks this browser as one the person signs in from (for the last username signed in with here). */
    private void rememberBrowser(Context ctx, String username) {
        String browser = KeyedHash.newToken(random);
        String mark = browser + "." + hash.of(KeyedHash.Kind.KNOWN_BROWSER, username + "|" + browser);
        ctx.cookie(new Cookie(KNOWN_COOKIE, mark, "/", (int) KNOWN_FOR.toSeconds(), true, true, null, SameSite.STRICT));
    }

    void token(Context ctx) {
        var form = Forms.read(ctx);
        Map<String, Object> response = switch (String.valueOf(form.single("grant_type"))) {
            case "authorization_code" -> grants.exchangeCode(form.single("client_id"), form.single("code"),
                    form.single("redirect_uri"), form.single("code_verifier"));
            case "refresh_token" -> grants.refresh(form.single("client_id"), form.single("refresh_token"));
            default -> throw new OAuthProblem(OAuthError.UNSUPPORTED_GRANT_TYPE, "Supported: authorization_code, refresh_token.");
        };
        ctx.json(response);
    }

    private void loginPage(Context ctx, int status, AuthorizationRequest request, String username, String error) {
        var csrf = new byte[24];
        random.nextBytes(csrf);
        String csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(csrf);
        ctx.cookie(new Cookie(CSRF_COOKIE, csrfToken, "/", -1, true, true, null, SameSite.STRICT));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("error", error.isEmpty() ? null : error);
        model.put("action", AUTHORIZE);
        model.put("request", request.sign(hash, csrfToken));
        model.put("csrf", csrfToken);
        model.put("username", username);
        model.put("forWebPage", request.forWebPage());
        model.put("foot", Messages.get("idp.foot", issuer.substring(0, issuer.length() - LocalSignIn.PATH.length())));
        if (showDemoAccounts) {
            model.put("demo", Map.of("sentence",
                    Messages.get("idp.demo", DemoAccounts.PARENT, DemoAccounts.CHILD, DemoAccounts.SUPPORT, DemoAccounts.PASSWORD)));
        }
        Headers.page(ctx, "form-action 'self'").status(status).render("login.mustache", model);
    }

    /** Sends the result back to the app's loopback listener, by auto-posted form or by redirect. */
    private void answerClient(Context ctx, AuthorizationRequest request, Map<String, String> result) {
        Map<String, String> params = new LinkedHashMap<>(result);
        if (request.state() != null) {
            params.put("state", request.state());
        }
        if ("form_post".equals(request.responseMode())) {
            var fields = params.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList();
            URI target = URI.create(request.redirectUri());
            Headers.page(ctx, "form-action " + target.getScheme() + "://" + target.getRawAuthority() + "; script-src 'unsafe-inline'")
                    .render("message.mustache", Map.of("title", Messages.get("idp.returning.title"),
                            "message", Messages.get("idp.returning.message"),
                            "form", Map.of("action", request.redirectUri(), "fields", fields)));
        } else {
            var query = new StringBuilder();
            params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            ctx.redirect(request.redirectUri() + query, HttpStatus.FOUND);
        }
    }

    private void message(Context ctx, int status, String title, String message) {
        Headers.page(ctx, "form-action 'none'").status(status).render("message.mustache", Map.of("title", title, "message", message));
    }
}
