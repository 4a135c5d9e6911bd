package org.devicelink.server.issuer;

/** An account of the local OpenID provider. {@code familyId} groups an organizer with their children. */
public record LocalUser(String id, String username, String displayName, String role, String familyId) {}
