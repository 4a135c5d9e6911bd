package org.devicelink.server.store;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Secrets every node of one deployment must share (the hashing key, the token signing key). The first node to
 * start creates each one; the others, even when racing, read the same value back.
 */
public final class ServerSecrets {

    private final Sql sql;
    private final Clock clock;

    public ServerSecrets(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public String getOrCreate(String name, Supplier<String> create) {
        var existing = read(name);
        if (existing != null) {
            return existing;
        }
        try {
            sql.update("INSERT INTO server_secrets (name, secret, created_at) VALUES (?, ?, ?)",
                    name, create.get(), clock.instant());
        } catch (Sql.StoreException e) {
            if (!Sql.isDuplicateKey(e)) {
                throw e;
            }
        }
        return read(name);
    }

    private String read(String name) {
        return sql.queryOne("SELECT secret FROM server_secrets WHERE name = ?", row -> row.string("secret"), name)
                .orElse(null);
    }
}
