package org.devicelink.app.auth;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Signing people in to the identity provider: what the sign-in screen and the API client need. {@link SignIn} does it
 * with MSAL; every call may touch the network, so call it off the UI thread.
 */
public interface SignInService {

    /** The provider's authority URL. */
    String authority();

    /** Signs a person in through the browser that {@code browser} opens. */
    Session interactive(OpenBrowserAction browser, Duration timeout) throws SignInFailure;

    /** Ends a running {@link #interactive} sign-in at once: it fails as cancelled. Safe from any thread. */
    void cancelInteractive();

    /** The accounts signed in on this computer. */
    List<SavedAccount> accounts() throws SignInFailure;

    /** A current session for a saved account, without asking the person; {@code SIGN_IN_AGAIN} when only the browser can help. */
    Session silent(String accountId) throws SignInFailure;

    /** At start-up: the first saved account's session, if one can be had without the browser. */
    Optional<Session> resume() throws SignInFailure;

    /** Forgets the account and its tokens on this computer. */
    void signOut(String accountId) throws SignInFailure;
}
