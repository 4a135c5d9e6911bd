package org.devicelink.server.accounts;

import java.util.Set;
import org.devicelink.protocol.Role;

/**
 * A person known to the link server, keyed by the identity provider that vouches for them, with what that provider
 * says of them in this request's token: their roles, the family they belong to (organizer or child), if any, and the
 * sign-in the token belongs to, where the provider can end one before its tokens expire (the local provider's).
 */
public record Account(String id, String issuer, String subject, String displayName, Set<Role> roles, String familyId, String signIn) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public Account(String id, String issuer, String subject, String displayName, Set<Role> roles, String familyId) {
        this(id, issuer, subject, displayName, roles, familyId, null);
    }

    /** The same account, as seen through a token of this sign-in. */
    public Account signedInAs(String signIn) {
        return new Account(id, issuer, subject, displayName, roles, familyId, signIn);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A family organizer: chooses whose a device is, and decides their children's requests. */
    public boolean isParent() {
        return familyRole() == Role.ORGANIZER;
    }

    /** A child in a family: their approvals wait for a parent. */
    public boolean isChild() {
        return familyRole() == Role.CHILD;
    }

    /** Organizer or child when the provider names a family and one of those roles (organizer wins); else null. */
    public Role familyRole() {
        if (familyId == null) {
            return null;
        }
        return has(Role.ORGANIZER) ? Role.ORGANIZER : has(Role.CHILD) ? Role.CHILD : null;
    }
}
