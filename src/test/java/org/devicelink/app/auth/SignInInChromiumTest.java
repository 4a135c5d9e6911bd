package org.devicelink.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.devicelink.testing.Databases;
import org.devicelink.testing.HeadlessChromium;
import org.devicelink.testing.Inputs;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.LoginPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's sign-in as a person's own browser meets it: MSAL4J's real interactive flow, opened in
 * headless Chromium, which trusts nothing of ours. It fails if a certificate warning appears anywhere on the way.
 */
class SignInInChromiumTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    LinkServerFixture fixture;

    @BeforeEach
    void start() {
        Inputs.require(Files.isExecutable(HeadlessChromium.BINARY), "Debian's chromium is not installed (.ci/run installs it)");
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of());
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aPersonSignsInInChromiumWithNoCertificateWarning() throws Exception {
        try (var chromium = new HeadlessChromium(dir.resolve("chromium"))) {
            // the control: the server's own HTTPS address shows the warning, so the check below can fail
            var direct = chromium.open(LoginPages.authorize(fixture.server().baseUrl()).toString());
            assertThat(direct.certificateWarning()).as("Chromium trusts nothing of ours: " + direct).isTrue();

            var pages = new CompletableFuture<HeadlessChromium.Shown[]>();
            OpenBrowserAction browser = url -> Thread.ofVirtual().start(() -> {
                try {
                    var login = chromium.open(url.toString());
                    chromium.screenshot(SCREENSHOTS.resolve("signin-login-chromium.png"));
                    var after = chromium.run("document.querySelector('[name=username]').value = 'alex';"
                            + "document.querySelector('[name=password]').value = 'link-demo';"
                            + "document.querySelector('button[value=signin]').click();", "You are signed in");
                    chromium.screenshot(SCREENSHOTS.resolve("signin-signed-in-chromium.png"));
                    pages.complete(new HeadlessChromium.Shown[] {login, after});
                } catch (Exception e) {
                    pages.completeExceptionally(e);
                }
            });
            var signIn = new SignIn(SignInSettings.local(fixture.server().baseUrl(), fixture.server().certificateFile()),
                    TokenCaches.ownerOnlyFile(dir.resolve("app").resolve("msal-cache.json")), Clock.systemUTC());
            Session session = signIn.interactive(browser, Duration.ofSeconds(60));

            var login = pages.get()[0];
            assertThat(login.certificateWarning()).as("the login page, as Chromium showed it: " + login).isFalse();
            assertThat(login.url()).startsWith("http://127.0.0.1:" + fixture.server().browserPort() + "/idp/");
            assertThat(login.title()).contains("Sign in");
            var signedIn = pages.get()[1];
            assertThat(signedIn.certificateWarning()).isFalse();
            assertThat(signedIn.text()).contains("You are signed in");
            assertThat(session.username()).isEqualTo("alex");
            assertThat(fixture.http().get("/api/v1/devices", session.accessToken()).status()).isEqualTo(200);
        }
    }
}
