package org.devicelink.server.accounts;

/** A person known to the link server, keyed by the identity provider that vouches for them. */
public record Account(String id, String issuer, String subject, String displayName) {}
