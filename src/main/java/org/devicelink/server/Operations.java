package org.devicelink.server;

import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.devicelink.platform.UserFolders;
import org.devicelink.server.store.Database;
import org.devicelink.server.store.Sql;

/** How the commands that manage a server reach its database: the same settings, even while the server runs. */
final class Operations {

    private Operations() {}

    /** Runs {@code work} on the configured database; a bad setting or a refused change is told and gives exit code 2. */
    static <T> int withDatabase(String command, UserFolders folders, SettingsOptions where, Function<Sql, T> open,
                                ToIntFunction<T> work) {
        ServerConfig config;
        try {
            config = where.load(folders, Map.of());
        } catch (IllegalArgumentException e) {
            System.err.println("devicelink server " + command + ": " + e.getMessage());
            return 2;
        }
        try (var database = new Database(config.databaseUrl(), config.databaseUser(), config.databasePassword(), 2)) {
            return work.applyAsInt(open.apply(database.sql()));
        } catch (IllegalArgumentException e) {
            System.err.println("devicelink server " + command + ": " + e.getMessage());
            return 2;
        }
    }
}
