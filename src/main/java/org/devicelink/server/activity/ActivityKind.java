package org.devicelink.server.activity;

/** The kinds of things that happen to an account's devices and requests, as the activity log lists them. */
public enum ActivityKind {
    /** A device was linked to the account. */
    LINKED,
    /** A child approved a device: it waits for a parent. */
    ASKED_A_PARENT,
    /** A device's request was denied. */
    DENIED,
    /** A device's request was denied with "I didn't start this". */
    REPORTED,
    RENAMED,
    /** The owner unlinked a device. */
    UNLINKED,
    /** A device signed itself out. */
    SIGNED_OUT,
    /** Too many wrong codes: the account was locked out for a while. */
    LOCKED_OUT,
    /** A device's used refresh token came back (a possible theft): its session was ended. */
    REFRESH_TOKEN_REUSE,
    /** A console signed out because the account linked another, where its app allows one at a time. */
    REPLACED,
    /** Support staff looked at the account's code or devices; the detail is the reason they gave. */
    VIEWED_BY_SUPPORT,
    /** A device was linked from a code that another account had looked up too: it may have been sent around. */
    SEEN_BY_OTHERS,
    /** The account signed out of all its devices at once; the detail is who did it, when a parent did. */
    SIGNED_OUT_EVERYWHERE,
    /** The owner followed "This wasn't me" from a new-link notice: the device was not theirs to link. */
    UNWANTED
}
