package org.devicelink.app.auth;

import java.util.Locale;
import org.devicelink.i18n.Messages;

/** Why signing in did not work: a kind, and the sentence of the strings bundle that says what to do. */
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
        OTHER;

        /** The kind's own sentence. */
        String messageKey() {
            return "signin.failure." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    /** With the kind's own sentence. */
    public SignInFailure(Kind kind, Throwable cause, Object... args) {
        this(kind, kind.messageKey(), cause, args);
    }

    /** With another sentence of the bundle. */
    public SignInFailure(Kind kind, String messageKey, Object... args) {
        this(kind, messageKey, null, args);
    }

    private SignInFailure(Kind kind, String messageKey, Throwable cause, Object... args) {
        super(Messages.get(messageKey, args), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
