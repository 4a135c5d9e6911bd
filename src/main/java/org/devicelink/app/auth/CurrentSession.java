package org.devicelink.app.auth;

/**
 * Who is signed in now, safe to read from any thread: the sign-in screen sets it on the UI thread, API calls read
 * it on their worker threads and get a current access token from it.
 */
public final class CurrentSession {

    private final SignInService signIn;
    private volatile Session session;

    public CurrentSession(SignInService signIn) {
        this.signIn = signIn;
    }

    /** Null while nobody is signed in. */
    public Session get() {
        return session;
    }

    public void set(Session session) {
        this.session = session;
    }

    /** The signed-in person's access token, refreshed by the provider when about to expire. May block on the network. */
    public String accessToken() throws SignInFailure {
        Session current = session;
        if (current == null) {
            throw new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, "signin.required");
        }
        return signIn.silent(current.accountId()).accessToken();
    }
}
