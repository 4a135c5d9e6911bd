package org.devicelink.server.accounts;

import java.util.Set;
import org.devicelink.protocol.Role;

/**
 * A person known to the link server, keyed by the identity provider that vouches for them, with what that provider
 * says of them in this request's token: their roles, and the family they belong to (organizer or child), if any.
 */
public record Account(String id, String issuer, String subject, String displayName, Set<Role> roles, String familyId) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
