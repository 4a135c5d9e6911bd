package org.devicelink.server.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Properties;
import java.util.function.Supplier;
import org.devicelink.platform.OwnerOnly;

/**
 * The keys every node of one deployment shares (the code-hashing key, the token-signing keys). By default they are
 * kept in the database, made by the first node to start, read by the others. With a keys file they are kept apart
 * from the data they protect: a database dump then holds neither a live code nor a way to mint tokens. Keys found in
 * the database are moved into the file.
 */
public final class ServerSecrets {

    private final Sql sql;
    private final Clock clock;
    private final Path keysFile;

    /** @param keysFile where the keys are kept apart from the database, or null to keep them in it */
    public ServerSecrets(Sql sql, Clock clock, Path keysFile) {
        this.sql = sql;
        this.clock = clock;
        this.keysFile = keysFile;
    }

    /** The key called {@code name}, made with {@code create} on first use. */
    public synchronized String getOrCreate(String name, Supplier<String> create) {
        return keysFile == null ? fromDatabase(name, create) : fromFile(name, create);
    }

    private String fromDatabase(String name, Supplier<String> create) {
        var existing = read(name);
        if (existing != null) {
            return existing;
        }
        // the first node to start makes it; one that lost the race reads the winner's
        sql.insertUnlessPresent("INSERT INTO server_secrets (name, secret, created_at) VALUES (?, ?, ?)", name, create.get(),
                clock.instant());
        return read(name);
    }

    private String fromFile(String name, Supplier<String> create) {
        try {
            var keys = new Properties();
            if (Files.exists(keysFile)) {
                OwnerOnly.file(keysFile);
                try (Reader reader = Files.newBufferedReader(keysFile, StandardCharsets.UTF_8)) {
                    keys.load(reader);
                }
            }
            String key = keys.getProperty(name);
            if (key == null) {
                String inDatabase = read(name);
                key = inDatabase != null ? inDatabase : create.get();
                keys.setProperty(name, key);
                write(keys);
                sql.update("DELETE FROM server_secrets WHERE name = ?", name); // kept apart from now on
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use the keys file " + keysFile + ": " + e.getMessage(), e);
        }
    }

    private void write(Properties keys) throws IOException {
        Path dir = keysFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, keysFile.getFileName().toString(), ".tmp"); // owner-only from the start
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            keys.store(writer, "DeviceLink keys: copy this file to every node, keep it from everyone else");
        }
        Files.move(temporary, keysFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        OwnerOnly.file(keysFile);
    }

    private String read(String name) {
        return sql.queryOne("SELECT secret FROM server_secrets WHERE name = ?", row -> row.string("secret"), name).orElse(null);
    }
}
