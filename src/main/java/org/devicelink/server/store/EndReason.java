package org.devicelink.server.store;

/** Why a linked device's session ended. */
public enum EndReason {
    /** Its owner unlinked it in the companion. */
    UNLINKED_BY_OWNER,
    /** The device signed out (RFC 7009 revocation of its refresh token). */
    SIGNED_OUT,
    /** A used refresh token came back: someone holds a copy, so the whole session was ended (OAuth 2.1 §4.3.1). */
    REFRESH_TOKEN_REUSE,
    /** Approved, but its code expired before the device collected its tokens: it never was linked. */
    NOT_COLLECTED,
    /** The app allows one console at a time per account, and the account linked another. */
    REPLACED,
    /** Its account signed out of every device at once ("Sign out of all devices", or after "This wasn't me"). */
    SIGNED_OUT_EVERYWHERE
}
