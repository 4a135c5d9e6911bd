package org.devicelink.app.auth;

/** Why signing in did not work, in words a person can act on. */
public final class SignInFailure extends Exception {

    public enum Kind {
        /** The person closed the page, pressed Cancel, or did not finish in time. */
        CANCELLED_OR_TIMED_OUT,
        /** The provider could not be reached (network, server down, wrong address). */
        PROVIDER_UNREACHABLE,
        /** The provider's certificate is not the one this app trusts. */
        UNTRUSTED_PROVIDER,
        /** The saved sign-in has ended (signed out elsewhere, expired, revoked): sign in again. */
        SIGN_IN_AGAIN,
        /** This computer's clock is too far from the provider's for tokens to be judged right. */
        CLOCK_WRONG,
        OTHER
    }

    private final Kind kind;

    public SignInFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
