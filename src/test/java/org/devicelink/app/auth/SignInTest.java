package org.devicelink.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.devicelink.server.http.Tls;
import org.devicelink.testing.Databases;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.ScriptedBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MSAL4J's real interactive flow against the local provider, a scripted person at the browser posting the real login
 * form, and the resulting token used on the link server.
 */
class SignInTest {

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    Path cacheFile;
    final List<String> pagesSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        // 315 s: MSAL renews tokens that expire within 300 s, so a fresh token is used from the cache for 15 s, then renewed
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of("local-issuer.access-lifetime", "315"));
        cacheFile = dir.resolve("app").resolve("msal-cache.json");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    SignIn signIn() {
        return new SignIn(SignInSettings.local(fixture.server().baseUrl(), fixture.server().certificateFile()),
                TokenCaches.ownerOnlyFile(cacheFile), Clock.systemUTC());
    }

    /** A person who types these passwords in turn on the login page (the last one must be right, or "cancel"). */
    OpenBrowserAction person(String username, String... passwords) {
        return url -> Thread.ofVirtual().start(() -> {
            var browser = new ScriptedBrowser(fixture.server().certificateFile());
            var page = browser.open(URI.create(url.toString()));
            for (String password : passwords) {
                pagesSeen.add(page.body());
                page = "cancel".equals(password) ? browser.submit(page, "", "", "cancel") : browser.submit(page, username, password,
                        "signin");
            }
            pagesSeen.add(page.body());
            browser.follow(page); // the auto-posting form, back to MSAL's loopback listener
        });
    }

    @Test
    void aPersonSignsInInTheBrowserAndTheTokenOpensTheLinkServer() throws Exception {
        Session session = signIn().interactive(person("alex", "wrong-password", "link-demo"), Duration.ofSeconds(30));
        assertThat(pagesSeen.get(1)).contains("do not match");
        assertThat(session.username()).isEqualTo("alex");
        assertThat(session.displayName()).isEqualTo("Alex Morgan");
        assertThat(session.clockSkew().abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(fixture.http().get("/api/v1/devices", session.accessToken()).status()).isEqualTo(200);
        assertThat(Files.getPosixFilePermissions(cacheFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void cancellingEndsTheWaitForTheBrowserAtOnce() throws Exception {
        SignIn signIn = signIn();
        var opened = new CountDownLatch(1);
        var waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return signIn.interactive(url -> opened.countDown(), Duration.ofMinutes(5)); // no browser ever comes back
            } catch (SignInFailure e) {
                return e;
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        assertThat(opened.await(20, TimeUnit.SECONDS)).isTrue();
        signIn.cancelInteractive(); // at once: the browser has just opened, MSAL may not have handed back its sign-in yet
        Object ended = waiting.get(5, TimeUnit.SECONDS); // not the 5 minutes it would wait
        assertThat(ended).isInstanceOfSatisfying(SignInFailure.class,
                e -> assertThat(e.kind()).isEqualTo(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT));
    }

    @Test
    void afterARestartSignInIsSilentThenRefreshedThenGoneAfterSignOut() throws Exception {
        Session first = signIn().interactive(person("alex", "link-demo"), Duration.ofSeconds(30));

        SignIn restarted = signIn(); // a new PublicClientApplication over the persisted cache
        Session resumed = restarted.resume().orElseThrow();
        assertThat(resumed.username()).isEqualTo("alex");
        assertThat(resumed.accessToken()).isEqualTo(first.accessToken());

        // wait until the token expires within MSAL's 300 s window
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), first.expiresOn().minusSeconds(299)).toMillis()));
        Session refreshed = restarted.silent(restarted.accounts().getFirst().accountId());
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(refreshed.expiresOn()).isAfter(first.expiresOn());
        assertThat(fixture.http().get("/api/v1/devices", refreshed.accessToken()).status()).isEqualTo(200);

        restarted.signOut(refreshed.accountId());
        assertThat(restarted.accounts()).isEmpty();
        assertThat(signIn().resume()).isEmpty();
        assertThat(Files.readString(cacheFile)).doesNotContain(refreshed.accountId());
    }

    @Test
    void twoPeopleShareTheComputerAndSwitch() throws Exception {
        SignIn signIn = signIn();
        signIn.interactive(person("alex", "link-demo"), Duration.ofSeconds(30));
        signIn.interactive(person("sam", "link-demo"), Duration.ofSeconds(30));
        assertThat(signIn.accounts()).extracting(a -> a.username()).containsExactly("alex", "sam");
        Session sam = signIn.silent(signIn.accounts().get(1).accountId());
        assertThat(sam.displayName()).isEqualTo("Sam Morgan");
        Session alex = signIn.silent(signIn.accounts().get(0).accountId());
        assertThat(alex.displayName()).isEqualTo("Alex Morgan");
    }

    @Test
    void cancellingOrWalkingAwaySaysSo() {
        assertThatThrownBy(() -> signIn().interactive(person("alex", "cancel"), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(SignInFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT);
                    assertThat(e.getMessage()).contains("cancelled or did not finish in time");
                });
        OpenBrowserAction nobody = url -> { };
        assertThatThrownBy(() -> signIn().interactive(nobody, Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(SignInFailure.class,
                e -> assertThat(e.kind()).isEqualTo(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT));
    }

    @Test
    void anUnreachableOrImpostorProviderIsNamed() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new SignIn(SignInSettings.local("https://localhost:" + closedPort, fixture.server().certificateFile()),
                TokenCaches.ownerOnlyFile(cacheFile), Clock.systemUTC());
        assertThatThrownBy(unreachable::accounts).isInstanceOfSatisfying(SignInFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(SignInFailure.Kind.PROVIDER_UNREACHABLE);
            assertThat(e.getMessage()).contains("localhost:" + closedPort);
        });
        Path otherCertificate = Tls.forDataDir(dir.resolve("elsewhere")).certificateFile();
        var impostor = new SignIn(SignInSettings.local(fixture.server().baseUrl(), otherCertificate),
                TokenCaches.ownerOnlyFile(cacheFile), Clock.systemUTC());
        assertThatThrownBy(impostor::accounts).isInstanceOfSatisfying(SignInFailure.class,
                e -> assertThat(e.kind()).isEqualTo(SignInFailure.Kind.UNTRUSTED_PROVIDER));
    }

    @Test
    void aClockFarFromTheProvidersIsCalledOut() {
        var hoursAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(3));
        var signIn = new SignIn(SignInSettings.local(fixture.server().baseUrl(), fixture.server().certificateFile()),
                TokenCaches.ownerOnlyFile(cacheFile), hoursAhead);
        assertThatThrownBy(() -> signIn.interactive(person("alex", "link-demo"), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(SignInFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignInFailure.Kind.CLOCK_WRONG);
                    assertThat(e.getMessage()).contains("3 hours ahead of");
                });
        assertThat(SignIn.clockSkew("not-a-jwt", Instant.now())).isZero();
    }

    @Test
    void whenTheSecretStoreCannotOpenTheCacheFallsBackToAnOwnerOnlyFile() {
        // what msal4j-persistence-extension throws on a Linux without a Secret Service
        var cache = TokenCaches.forDirectory(dir.resolve("cache"), () -> {
            throw new UnsatisfiedLinkError("libsecret-1.so.0: cannot open shared object file");
        });
        assertThat(cache).isEqualTo(new TokenCaches.OwnerOnlyFile(dir.resolve("cache").resolve(TokenCaches.FILE_NAME)));
    }

    @Test
    void whenTheSecretStoreOpensTheSignInIsKeptThereAndResumedFromIt() throws Exception {
        // the extension's own store, in the mode it uses where it has no keyring (a stand-in for the OS's secret store)
        Path storeDir = dir.resolve("secret-store");
        Callable<ITokenCacheAccessAspect> secretStore = () -> new PersistenceTokenCacheAccessAspect(
                PersistenceSettings.builder("msal-secret-store.bin", storeDir).setLinuxUseUnprotectedFileAsCacheStorage(true).build());
        var cache = TokenCaches.forDirectory(dir.resolve("cache"), secretStore);
        assertThat(cache).isInstanceOf(PersistenceTokenCacheAccessAspect.class);
        var settings = SignInSettings.local(fixture.server().baseUrl(), fixture.server().certificateFile());
        Session first = new SignIn(settings, cache, Clock.systemUTC()).interactive(person("sam", "link-demo"), Duration.ofSeconds(30));
        assertThat(Files.exists(dir.resolve("cache").resolve(TokenCaches.FILE_NAME))).isFalse(); // nothing went to the fallback file
        assertThat(Files.readString(storeDir.resolve("msal-secret-store.bin"))).contains(first.accountId());
        // the next start opens the secret store afresh
        var restarted = TokenCaches.forDirectory(dir.resolve("cache"), secretStore);
        Session resumed = new SignIn(settings, restarted, Clock.systemUTC()).resume().orElseThrow();
        assertThat(resumed.username()).isEqualTo("sam");
    }
}
