package org.devicelink.app.auth;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.devicelink.device.DeviceClient;

/**
 * The companion's sign-in, through MSAL4J: interactive in the system browser (loopback redirect, PKCE), silent at
 * start-up from the persisted cache, refreshed automatically, several accounts side by side, and sign-out that
 * forgets an account. Every call may touch the network: call it off the JavaFX thread.
 */
public final class SignIn {

    /** How long a person has to finish signing in in the browser. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Past this, tokens judged by this computer's clock go wrong: the person is told to fix the clock. */
    static final Duration TOLERATED_SKEW = Duration.ofMinutes(5);

    private static final java.util.concurrent.ExecutorService MSAL_THREADS =
            java.util.concurrent.Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("msal-", 0).factory());

    private final SignInSettings settings;
    private final ITokenCacheAccessAspect cache;
    private final Clock clock;
    private PublicClientApplication client;

    public SignIn(SignInSettings settings, ITokenCacheAccessAspect cache, Clock clock) {
        this.settings = settings;
        this.cache = cache;
        this.clock = clock;
    }

    public SignInSettings settings() {
        return settings;
    }

    /** Signs a person in through the browser that {@code browser} opens. */
    public Session interactive(OpenBrowserAction browser, Duration timeout) throws SignInFailure {
        // MSAL 1.26 race: its listener loop reads a future reference that acquireToken sets only after starting the
        // flow; a browser action that returns at once can make the loop see null (NullPointerException). Holding the
        // action until acquireToken has returned closes the window.
        var started = new CountDownLatch(1);
        OpenBrowserAction openAfterStart = url -> {
            browser.openBrowser(url);
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        var parameters = InteractiveRequestParameters.builder(URI.create("http://localhost"))
                .scopes(settings.scopes())
                .systemBrowserOptions(SystemBrowserOptions.builder().openBrowserAction(openAfterStart)
                        .htmlMessageSuccess(page("You are signed in", "Go back to the DeviceLink app; you can close this tab."))
                        .htmlMessageError(page("Sign-in did not finish", "Go back to the DeviceLink app to try again."))
                        .build())
                .httpPollingTimeoutInSeconds((int) Math.max(1, timeout.toSeconds()))
                .build();
        return session(call(() -> {
            var result = client().acquireToken(parameters);
            started.countDown();
            return result.get();
        }));
    }

    /** The accounts signed in on this computer, most recent first as MSAL keeps them. */
    public List<IAccount> accounts() throws SignInFailure {
        return call(() -> client().getAccounts().get()).stream()
                .sorted(Comparator.comparing(IAccount::username)).toList();
    }

    /**
     * A session for {@code account} without asking the person: the cached access token, or a refreshed one when it
     * is about to expire. Fails with {@link SignInFailure.Kind#SIGN_IN_AGAIN} when only the browser can help.
     */
    public Session silent(IAccount account) throws SignInFailure {
        var parameters = SilentParameters.builder(settings.scopes(), account).build();
        return session(call(() -> client().acquireTokenSilently(parameters).get()));
    }

    /** At start-up: the first saved account's session, if one can be had without the browser. */
    public Optional<Session> resume() throws SignInFailure {
        for (IAccount account : accounts()) {
            try {
                return Optional.of(silent(account));
            } catch (SignInFailure e) {
                if (e.kind() != SignInFailure.Kind.SIGN_IN_AGAIN) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** Forgets the account and its tokens on this computer. */
    public void signOut(String accountId) throws SignInFailure {
        for (IAccount account : accounts()) {
            if (account.homeAccountId().equals(accountId)) {
                call(() -> client().removeAccount(account).get());
            }
        }
    }

    /** Builds the MSAL client on first use: that reads the provider's discovery document over the network. */
    private synchronized PublicClientApplication client() throws IOException {
        if (client == null) {
            var builder = PublicClientApplication.builder(settings.clientId())
                    // MSAL runs on the common pool by default, which has one thread on a two-core PC: an interactive
                    // sign-in waiting in the browser would hold up every silent token call. Its own threads instead.
                    .executorService(MSAL_THREADS)
                    .setTokenCacheAccessAspect(cache)
                    .connectTimeoutForDefaultHttpClient(10_000)
                    .readTimeoutForDefaultHttpClient(20_000);
            if (settings.trustedCertificate() != null) {
                builder.sslSocketFactory(DeviceClient.trusting(settings.trustedCertificate()).getSocketFactory());
            }
            try {
                client = settings.oidc() ? builder.oidcAuthority(settings.authority()).build() : builder.authority(settings.authority()).build();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException("The sign-in authority is not a URL: " + settings.authority(), e);
            }
        }
        return client;
    }

    @FunctionalInterface
    private interface MsalCall<T> {
        T run() throws Exception;
    }

    private <T> T call(MsalCall<T> work) throws SignInFailure {
        try {
            return work.run();
        } catch (Exception e) {
            throw translate(e);
        }
    }

    /** One message per way sign-in fails, from MSAL's exceptions and their causes. */
    SignInFailure translate(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String provider = URI.create(settings.authority()).getAuthority();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException || cause instanceof CertificateException) {
                return new SignInFailure(SignInFailure.Kind.UNTRUSTED_PROVIDER, "The sign-in service at " + provider
                        + " did not present the certificate this app trusts, so sign-in stopped. If you reset the DeviceLink "
                        + "server's data folder, restart the app; otherwise your network may be intercepting the connection.", e);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof HttpTimeoutException
                    || cause instanceof java.net.SocketTimeoutException) {
                return new SignInFailure(SignInFailure.Kind.PROVIDER_UNREACHABLE, "Cannot reach the sign-in service at "
                        + provider + ". Check your connection and that the DeviceLink server is running, then try again.", e);
            }
        }
        if (e instanceof MsalInteractionRequiredException) {
            return new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, "Your saved sign-in has ended. Sign in again.", e);
        }
        if (e instanceof MsalClientException client) {
            if ("invalid_authorization_result".equals(client.errorCode())) {
                return new SignInFailure(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT,
                        "Sign-in was cancelled or did not finish in time. Try again when you are ready.", e);
            }
            if ("cache_miss".equals(client.errorCode())) {
                return new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, "Sign in to continue.", e);
            }
        }
        if (e instanceof MsalServiceException service && "invalid_grant".equals(service.errorCode())) {
            return new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, "Your saved sign-in has ended. Sign in again.", e);
        }
        return new SignInFailure(SignInFailure.Kind.OTHER, "Sign-in failed: " + e.getMessage(), e);
    }

    private Session session(IAuthenticationResult result) throws SignInFailure {
        Duration skew = clockSkew(result.accessToken(), clock.instant());
        if (skew.abs().compareTo(TOLERATED_SKEW) > 0) {
            throw new SignInFailure(SignInFailure.Kind.CLOCK_WRONG, "This computer's clock is " + describe(skew)
                    + " the sign-in service's. Set the clock to update automatically, then sign in again.", null);
        }
        IAccount account = result.account();
        String name = account == null ? null : account.username();
        String displayName = displayName(result.idToken()).orElse(name);
        return new Session(account == null ? null : account.homeAccountId(), name, displayName, result.accessToken(),
                result.expiresOnDate().toInstant(), skew);
    }

    /** This computer's time minus the provider's, judged by the token's issue time; zero for opaque tokens. */
    static Duration clockSkew(String accessToken, Instant now) {
        try {
            var issued = SignedJWT.parse(accessToken).getJWTClaimsSet().getIssueTime();
            return issued == null ? Duration.ZERO : Duration.between(issued.toInstant(), now);
        } catch (java.text.ParseException e) {
            return Duration.ZERO;
        }
    }

    private static String describe(Duration skew) {
        long minutes = Math.max(1, skew.abs().toMinutes());
        String amount = minutes >= 120 ? (minutes / 60) + " hours" : minutes + " minutes";
        return amount + (skew.isNegative() ? " behind" : " ahead of");
    }

    private static Optional<String> displayName(String idToken) {
        try {
            return Optional.ofNullable(SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("name"));
        } catch (java.text.ParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String page(String title, String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>DeviceLink</title>"
                + "<style>body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh}</style></head>"
                + "<body><main><h1>" + title + "</h1><p>" + message + "</p></main></body></html>";
    }
}
