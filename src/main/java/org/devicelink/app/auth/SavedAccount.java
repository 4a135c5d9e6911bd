package org.devicelink.app.auth;

/** An account signed in on this computer, as the account menu lists it. */
public record SavedAccount(String accountId, String username) {}
