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
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.devicelink.i18n.Messages;
import org.devicelink.tls.PinnedCertificate;

/**
 * The companion's sign-in, through MSAL4J: interactive in the system browser (loopback redirect, PKCE), silent at
 * start-up from the persisted cache, refreshed automatically, several accounts side by side, and sign-out that
 * forgets an account. Every call may touch the network: call it off the JavaFX thread.
 */
public final class SignIn implements SignInService {

    /** How long a person has to finish signing in in the browser. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Past this, tokens judged by this computer's clock go wrong: the person is told to fix the clock. */
    static final Duration TOLERATED_SKEW = Duration.ofMinutes(5);

    private static final ExecutorService MSAL_THREADS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("msal-", 0).factory());

    private final SignInSettings settings;
    private final ITokenCacheAccessAspect cache;
    private final Clock clock;
    private PublicClientApplication client;
    private volatile CompletableFuture<IAuthenticationResult> interactive; // the sign-in waiting in the browser
    /** Cancel was pressed before MSAL had handed back its sign-in to cancel: it is cancelled the moment it has. */
    private volatile boolean cancelRequested;

    public SignIn(SignInSettings settings, ITokenCacheAccessAspect cache, Clock clock) {
        this.settings = settings;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public String authority() {
        return settings.authority();
    }

    @Override
    public Session interactive(OpenBrowserAction browser, Duration timeout) throws SignInFailure {
        // MSAL 1.26 race: its listener loop reads a future reference that acquireToken sets only after starting the
        // flow; a browser action that returns at once can make the loop see null (NullPointerException). Holding the
        // action until acquireToken has returned closes the window.
        var started = new CountDownLatch(1);
        cancelRequested = false;
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
                        .htmlMessageSuccess(BrowserPages.signedIn())
                        .htmlMessageError(BrowserPages.notSignedIn())
                        .build())
                .httpPollingTimeoutInSeconds((int) Math.max(1, timeout.toSeconds()))
                .build();
        return session(call(() -> {
            var result = client().acquireToken(parameters);
            interactive = result;
            if (cancelRequested) { // pressed while the browser was opening
                result.cancel(true);
            }
            started.countDown();
            try {
                return result.get();
            } catch (CancellationException e) {
                throw new SignInFailure(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT, "signin.failure.cancelled-or-timed-out");
            } finally {
                interactive = null;
            }
        }));
    }

    @Override
    public void cancelInteractive() {
        cancelRequested = true;
        var running = interactive;
        if (running != null) {
            running.cancel(true); // MSAL's loopback listener then ends at its own timeout, unanswered
        }
    }

    @Override
    public List<SavedAccount> accounts() throws SignInFailure {
        return msalAccounts().stream().map(a -> new SavedAccount(a.homeAccountId(), a.username())).toList();
    }

    /** MSAL's accounts, by username. */
    private List<IAccount> msalAccounts() throws SignInFailure {
        return call(() -> client().getAccounts().get()).stream()
                .sorted(Comparator.comparing(IAccount::username)).toList();
    }

    /** The cached access token, or a refreshed one when it is about to expire. */
    @Override
    public Session silent(String accountId) throws SignInFailure {
        IAccount account = msalAccounts().stream().filter(a -> a.homeAccountId().equals(accountId)).findFirst()
                .orElseThrow(() -> new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, "signin.required"));
        var parameters = SilentParameters.builder(settings.scopes(), account).build();
        return session(call(() -> client().acquireTokenSilently(parameters).get()));
    }

    @Override
    public Optional<Session> resume() throws SignInFailure {
        for (IAccount account : msalAccounts()) {
            try {
                return Optional.of(silent(account.homeAccountId()));
            } catch (SignInFailure e) {
                if (e.kind() != SignInFailure.Kind.SIGN_IN_AGAIN) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void signOut(String accountId) throws SignInFailure {
        for (IAccount account : msalAccounts()) {
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
                builder.sslSocketFactory(PinnedCertificate.trusting(settings.trustedCertificate()).getSocketFactory());
            }
            try {
                client = settings.oidc() ? builder.oidcAuthority(settings.authority()).build() : builder.authority(settings.authority())
                        .build();
            } catch (MalformedURLException e) {
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
                return new SignInFailure(SignInFailure.Kind.UNTRUSTED_PROVIDER, e, provider);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof HttpTimeoutException
                    || cause instanceof SocketTimeoutException) {
                return new SignInFailure(SignInFailure.Kind.PROVIDER_UNREACHABLE, e, provider);
            }
        }
        if (e instanceof SignInFailure failure) {
            return failure;
        }
        if (e instanceof MsalInteractionRequiredException
                || e instanceof MsalServiceException service && "invalid_grant".equals(service.errorCode())) {
            return new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, e);
        }
        if (e instanceof MsalClientException client) {
            if ("invalid_authorization_result".equals(client.errorCode())) {
                return new SignInFailure(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT, e);
            }
            if ("cache_miss".equals(client.errorCode())) {
                return new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, "signin.required");
            }
        }
        return new SignInFailure(SignInFailure.Kind.OTHER, e, String.valueOf(e.getMessage()));
    }

    private Session session(IAuthenticationResult result) throws SignInFailure {
        Duration skew = clockSkew(result.accessToken(), clock.instant());
        if (skew.abs().compareTo(TOLERATED_SKEW) > 0) {
            long minutes = Math.max(1, skew.abs().toMinutes());
            String amount = minutes >= 120 ? Messages.get("time.hours", minutes / 60) : Messages.get("time.minutes", minutes);
            throw new SignInFailure(SignInFailure.Kind.CLOCK_WRONG, skew.isNegative() ? "signin.failure.clock-behind"
                    : "signin.failure.clock-ahead", amount);
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
        } catch (ParseException e) {
            return Duration.ZERO;
        }
    }

    private static Optional<String> displayName(String idToken) {
        try {
            return Optional.ofNullable(SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("name"));
        } catch (ParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
