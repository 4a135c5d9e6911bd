package org.devicelink.server.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.LoginPages;
import org.devicelink.testing.ScriptedBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local OpenID provider over real HTTPS, driven as a browser and an app would, including what must fail. */
class LocalIssuerTest {

    static final String REDIRECT = LoginPages.REDIRECT;

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    ScriptedBrowser browser;
    String base;

    @BeforeEach
    void start() {
        fixture = new LinkServerFixture(Databases.H2, dir, Map.of("local-issuer.login-failures", "3"));
        base = fixture.server().baseUrl();
        browser = new ScriptedBrowser(fixture.server().certificateFile());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    record Pkce(String verifier, String challenge) {
        static Pkce random() {
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return new Pkce(verifier, org.devicelink.protocol.Pkce.challenge(verifier));
        }
    }

    URI authorize(Map<String, String> overrides) {
        return LoginPages.authorize(base, pkce.challenge(), overrides);
    }

    final Pkce pkce = Pkce.random();

    /** Signs in through the login page; returns the auto-posting answer page. */
    ScriptedBrowser.Page signIn(String username, String password) {
        var login = browser.open(authorize(Map.of()));
        assertThat(login.status()).isEqualTo(200);
        return browser.submit(login, username, password, "signin");
    }

    Http.Response exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "client_id", LocalSignIn.CLIENT_ID,
                "code", code, "redirect_uri", REDIRECT));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return fixture.http().form(LocalIssuer.TOKEN, form);
    }

    @Test
    void discoveryDescribesTheProviderMsalExpects() {
        JsonNode discovery = fixture.http().get(LocalIssuer.DISCOVERY, null).json();
        assertThat(discovery.path("issuer").asText()).isEqualTo(base + "/idp");
        assertThat(discovery.path("authorization_endpoint").asText()).as("the browser goes to the loopback entrance")
                .isEqualTo("http://127.0.0.1:" + fixture.server().browserPort() + "/idp/oauth2/v2.0/authorize");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(base + "/idp/oauth2/v2.0/token");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(fixture.http().get(LocalIssuer.KEYS, null).json().path("keys")).hasSize(1);
    }

    @Test
    void aPersonSignsInAndTheAppGetsTokensTheLinkServerAccepts() throws Exception {
        var login = browser.open(authorize(Map.of()));
        assertThat(login.body()).contains("Sign in").contains("alex").contains("link-demo");
        assertThat(login.raw().headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        // Enter submits the first button of a form: it must be Sign in, not Cancel
        assertThat(login.body().indexOf("value=\"signin\"")).isLessThan(login.body().indexOf("value=\"cancel\""));
        var answer = browser.submit(login, "Alex", "link-demo", "signin");
        assertThat(answer.formAction()).isEqualTo(URI.create(REDIRECT));
        assertThat(answer.hiddenFields()).containsEntry("state", "state-123").containsKey("code");

        var tokens = exchange(answer.hiddenFields().get("code"), pkce.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        JsonNode body = tokens.json();
        assertThat(body.path("scope").asText()).contains("devicelink").contains("openid");
        assertThat(body.path("refresh_token").asText()).isNotBlank();
        JsonNode clientInfo = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(body.path("client_info").asText()));
        assertThat(clientInfo.path("utid").asText()).isEqualTo("local");
        var idToken = SignedJWT.parse(body.path("id_token").asText()).getJWTClaimsSet();
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("alex");
        assertThat(idToken.getAudience()).containsExactly(LocalSignIn.CLIENT_ID);
        assertThat(clientInfo.path("uid").asText()).isEqualTo(idToken.getSubject());

        String accessToken = body.path("access_token").asText();
        var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("organizer");
        assertThat(fixture.http().get("/api/v1/devices", accessToken).status()).isEqualTo(200);
        // the ID token is for the app, not the API: the link server refuses it
        var withIdToken = fixture.http().get("/api/v1/devices", body.path("id_token").asText());
        assertThat(withIdToken.status()).isEqualTo(401);
        String tampered = accessToken.substring(0, accessToken.lastIndexOf('.')
                + 1) + "AAAA" + accessToken.substring(accessToken.lastIndexOf('.') + 5);
        assertThat(fixture.http().get("/api/v1/devices", tampered).status()).isEqualTo(401);

        // the code and the refresh token are stored only as keyed digests; the password only as its slow hash
        assertThat(fixture.everythingStored()).doesNotContain(answer.hiddenFields().get("code"))
                .doesNotContain(body.path("refresh_token").asText()).doesNotContain("link-demo");
    }

    @Test
    void aWrongPasswordIsSaidOnThePageAndRepeatedOnesLockTheNameOut() {
        for (int i = 0; i < 3; i++) {
            var wrong = signIn("alex", "not-the-password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("do not match").doesNotContain("name=\"code\"");
            assertThat(wrong.body()).contains("value=\"alex\"");
        }
        var locked = signIn("alex", "link-demo");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many wrong passwords");
        assertThat(locked.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(signIn("sam", "link-demo").hiddenFields()).containsKey("code");
    }

    /**
     * A stranger's wrong passwords lock the name out of browsers it was never used in, the stranger's own among them,
     * but not out of the browser its person signs in from.
     */
    @Test
    void aStrangerCannotLockAPersonOutOfTheirOwnBrowser() {
        assertThat(signIn("alex", "link-demo").hiddenFields()).as("alex signs in from this browser once").containsKey("code");
        var stranger = new ScriptedBrowser(fixture.server().certificateFile());
        for (int i = 0; i < 3; i++) {
            assertThat(stranger.submit(stranger.open(authorize(Map.of())), "alex", "guess-" + i, "signin").status()).isEqualTo(401);
        }
        assertThat(stranger.submit(stranger.open(authorize(Map.of())), "alex", "link-demo", "signin").status())
                .as("guessing stays limited: the stranger's browser is locked out, right password or not").isEqualTo(429);
        var another = new ScriptedBrowser(fixture.server().certificateFile());
        assertThat(another.submit(another.open(authorize(Map.of())), "alex", "link-demo", "signin").status())
                .as("so is any browser alex never signed in from").isEqualTo(429);
        assertThat(signIn("alex", "link-demo").hiddenFields()).as("alex's own browser still signs in").containsKey("code");

        for (int i = 0; i < 3; i++) {
            assertThat(signIn("alex", "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(signIn("alex", "link-demo").status()).as("a known browser has its own few guesses").isEqualTo(429);
    }

    @Test
    void theCodeNeedsTheRightPkceVerifierAndWorksOnce() {
        String code = signIn("alex", "link-demo").hiddenFields().get("code");
        assertThat(exchange(code, null).oauthError()).isEqualTo("invalid_grant");
        assertThat(exchange(code, Pkce.random().verifier()).json().path("error_description").asText()).contains("does not match");
        var first = exchange(code, pkce.verifier());
        assertThat(first.status()).isEqualTo(200);
        var replay = exchange(code, pkce.verifier());
        assertThat(replay.oauthError()).isEqualTo("invalid_grant");
        assertThat(replay.json().path("error_description").asText()).contains("already used");
        // the replay revoked what the first use obtained
        var refresh = fixture.http().form(LocalIssuer.TOKEN, Map.of("grant_type", "refresh_token", "client_id", LocalSignIn.CLIENT_ID,
                "refresh_token", first.json().path("refresh_token").asText()));
        assertThat(refresh.oauthError()).isEqualTo("invalid_grant");
    }

    Http.Response refresh(String refreshToken) {
        return fixture.http().form(LocalIssuer.TOKEN, Map.of("grant_type", "refresh_token", "client_id", LocalSignIn.CLIENT_ID,
                "refresh_token", refreshToken));
    }

    /** Launch-day finding 4: a sign-in ended by refresh-token reuse took its access token and stream on with it. */
    @Test
    void aSignInEndedByRefreshTokenReuseStopsItsAccessTokenAndItsStream() throws Exception {
        var signedIn = exchange(signIn("alex", "link-demo").hiddenFields().get("code"), pkce.verifier()).json();
        String access = signedIn.path("access_token").asText();
        assertThat(fixture.http().get("/api/v1/devices", access).status()).isEqualTo(200);
        var stream = fixture.http().events(access);
        assertThat(stream.statusCode()).isEqualTo(200);
        var ended = CompletableFuture.supplyAsync(() -> stream.body().count());

        String stolen = signedIn.path("refresh_token").asText();
        assertThat(refresh(stolen).status()).isEqualTo(200);
        assertThat(refresh(stolen).oauthError()).as("reused: the sign-in ends").isEqualTo("invalid_grant");

        var refused = fixture.http().get("/api/v1/devices", access);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("sign-in has ended");
        assertThat(ended.get(30, TimeUnit.SECONDS)).as("the stream closes at its next ping").isPositive();
    }

    /** Launch-day finding 4: a removed account's access token kept approving for up to an hour. */
    @Test
    void aRemovedAccountsAccessTokenStopsAtOnce() {
        String access = exchange(signIn("alex", "link-demo").hiddenFields().get("code"),
                pkce.verifier()).json().path("access_token").asText();
        assertThat(fixture.http().get("/api/v1/devices", access).status()).isEqualTo(200);
        fixture.update("DELETE FROM local_users WHERE username = 'alex'"); // what `server accounts remove alex` runs
        assertThat(fixture.http().get("/api/v1/devices", access).status()).isEqualTo(401);
    }

    @Test
    void anAuthorizationCodeExpiresAfterAMinute() {
        String code = signIn("alex", "link-demo").hiddenFields().get("code");
        fixture.clock.advance(Duration.ofSeconds(61));
        assertThat(exchange(code, pkce.verifier()).json().path("error_description").asText()).contains("expired");
    }

    @Test
    void onlyLoopbackRedirectsOfTheAppAreServed() {
        for (String redirect : new String[] {"https://evil.example/callback", "http://192.168.1.5:8080/", "http://localhost.evil.example/",
                "http://localhost:5000/other/path", "http://user@localhost:5000/", "http://localhost:99999", "http://localhost:0"}) {
            var page = browser.open(authorize(Map.of("redirect_uri", redirect)));
            assertThat(page.status()).as(redirect).isEqualTo(400);
            assertThat(page.body()).as(redirect).contains("Sign-in cannot continue").doesNotContain("<form");
        }
        var unknownClient = browser.open(authorize(Map.of("client_id", "someone-else")));
        assertThat(unknownClient.status()).isEqualTo(400);
        assertThat(browser.open(authorize(Map.of("redirect_uri", "http://127.0.0.1:5000"))).status()).isEqualTo(200);
    }

    /**
     * A malformed request is answered on an error page, never sent to its redirect: the app's may be any loopback port,
     * so any page could otherwise make the browser carry its own state to any local service.
     */
    @Test
    void requestsWithoutPkceOrWithStrangeScopesGetAnErrorPageAndNothingGoesToTheirRedirect() {
        for (var bad : List.of(Map.of("code_challenge", ""), Map.of("code_challenge_method", "plain"), Map.of("scope", "openid admin"),
                Map.of("response_type", "token"), Map.of("response_mode", "fragment"))) {
            var page = browser.open(authorize(bad));
            assertThat(page.status()).as(bad.toString()).isEqualTo(400);
            assertThat(page.body()).as(bad.toString()).contains("Sign-in cannot continue").doesNotContain("<form")
                    .doesNotContain("state-123");
            assertThat(page.raw().headers().firstValue("Location")).as(bad.toString()).isEmpty();
        }
        assertThat(browser.open(authorize(Map.of("scope", "openid admin"))).body()).contains("Unknown scope");
    }

    @Test
    void theFormOnlyWorksWithItsCookieAndUnaltered() {
        var login = browser.open(authorize(Map.of()));
        var stranger = new ScriptedBrowser(fixture.server().certificateFile()); // no cookie: a cross-site post
        var forged = stranger.submit(login, "alex", "link-demo", "signin");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("did not come from this browser session");
        Map<String, String> fields = login.hiddenFields();
        String signed = fields.get("request");
        fields.put("request", (signed.charAt(0) == 'e' ? "f" : "e") + signed.substring(1)); // one character of the payload
        fields.putAll(Map.of("username", "alex", "password", "link-demo", "action", "signin"));
        assertThat(browser.post(login.formAction(), fields).body()).contains("altered");
    }

    @Test
    void finding13_theCsrfTokenIsBoundToTheRequestItWasMadeFor() {
        // two login pages in one browser: the second page's cookie and field, with the first page's signed request
        var first = browser.open(authorize(Map.of()));
        var second = browser.open(authorize(Map.of("state", "another-state")));
        Map<String, String> fields = second.hiddenFields();
        fields.put("request", first.hiddenFields().get("request"));
        fields.putAll(Map.of("username", "alex", "password", "link-demo", "action", "signin"));
        var mixed = browser.post(second.formAction(), fields);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body()).contains("altered").doesNotContain("name=\"code\"");
        assertThat(browser.submit(second, "alex", "link-demo", "signin").hiddenFields()).containsKey("code");
    }

    @Test
    void finding10_whatAPersonTypesIsShownAsTypedNeverAsTemplateSlots() {
        var login = browser.open(authorize(Map.of()));
        var answer = browser.submit(login, "{{error}}<b>x</b>", "wrong", "signin");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("value=\"{{error}}&lt;b&gt;x&lt;/b&gt;\"").doesNotContain("<b>x</b>");
        assertThat(answer.body().split("role=\"alert\"", -1)).as("one error box, not two").hasSize(2);
    }

    @Test
    void cancellingTellsTheApp() {
        var login = browser.open(authorize(Map.of()));
        var answer = browser.submit(login, "", "", "cancel");
        assertThat(answer.hiddenFields()).containsEntry("error", "access_denied").containsEntry("state", "state-123");
    }

    @Test
    void refreshTokensRotateAndAReplayEndsTheSignIn() {
        var tokens = exchange(signIn("alex", "link-demo").hiddenFields().get("code"), pkce.verifier()).json();
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", LocalSignIn.CLIENT_ID,
                "refresh_token", tokens.path("refresh_token").asText());
        var second = fixture.http().form(LocalIssuer.TOKEN, refresh);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("refresh_token").asText()).isNotEqualTo(tokens.path("refresh_token").asText());
        assertThat(fixture.http().form(LocalIssuer.TOKEN, refresh).oauthError()).isEqualTo("invalid_grant");
        var afterReplay = fixture.http().form(LocalIssuer.TOKEN, Map.of("grant_type", "refresh_token", "client_id", LocalSignIn.CLIENT_ID,
                "refresh_token", second.json().path("refresh_token").asText()));
        assertThat(afterReplay.oauthError()).isEqualTo("invalid_grant");
    }

    @Test
    void queryResponseModeRedirects() {
        var login = browser.open(authorize(Map.of("response_mode", "query")));
        var answer = browser.submit(login, "riley", "link-demo", "signin");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.raw().headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT + "?code=").contains("state=state-123");
    }
}
