package org.devicelink.server.accounts;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.devicelink.protocol.Role;
import org.devicelink.server.store.AccountStore;
import org.devicelink.server.store.Sql;

/** Accounts, created the first time a person calls the companion API. */
public final class Accounts {

    private final AccountStore store;
    private final Clock clock;

    public Accounts(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The account of (issuer, subject), created on first sight; its name follows the provider's. */
    public Account findOrCreate(String issuer, String subject, String displayName, Set<Role> roles, String familyId) {
        var existing = store.find(issuer, subject);
        if (existing.isPresent()) {
            String id = existing.get().id();
            if (displayName != null && !displayName.equals(existing.get().displayName())) {
                store.rename(id, displayName);
            }
            return new Account(id, issuer, subject, displayName != null ? displayName : existing.get().displayName(), roles, familyId);
        }
        try {
            String id = UUID.randomUUID().toString();
            store.insert(id, issuer, subject, displayName, clock.instant());
            return new Account(id, issuer, subject, displayName, roles, familyId);
        } catch (Sql.StoreException e) {
            if (Sql.isDuplicateKey(e)) { // the same person's first two requests raced
                var raced = store.find(issuer, subject).orElseThrow();
                return new Account(raced.id(), issuer, subject, raced.displayName(), roles, familyId);
            }
            throw e;
        }
    }
}
