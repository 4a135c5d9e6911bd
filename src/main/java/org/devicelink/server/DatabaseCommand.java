package org.devicelink.server;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.devicelink.platform.UserFolders;
import org.devicelink.server.store.Database;
import org.devicelink.server.store.Sql;
import picocli.CommandLine;

/** A command that manages a server through its database, found by the server's own settings. */
abstract class DatabaseCommand implements Callable<Integer> {

    private final String name;
    private final UserFolders folders;
    @CommandLine.Mixin
    SettingsOptions where = new SettingsOptions();

    DatabaseCommand(String name, UserFolders folders) {
        this.name = name;
        this.folders = folders;
    }

    /** Runs {@code work} on what {@code open} makes of the database; a bad setting or a refused change gives exit code 2. */
    <T> int on(Function<Sql, T> open, ToIntFunction<T> work) {
        ServerConfig config;
        try {
            config = where.load(folders, Map.of());
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        try (var database = new Database(config.databaseUrl(), config.databaseUser(), config.databasePassword(), 2)) {
            return work.applyAsInt(open.apply(database.sql()));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        } catch (RuntimeException e) {
            if (heldByAnotherProcess(e)) {
                return refuse("the server is running on " + config.dataDir() + ", and its H2 database opens in one process only. "
                        + "Stop the server, run this, and start it again (on PostgreSQL this works while it runs).");
            }
            throw e;
        }
    }

    /** H2's answer when another process (the running server) has the database file open. */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("Database may be already in use")) {
                return true;
            }
        }
        return false;
    }

    /** Says why nothing was done; exit code 2. */
    int refuse(String why) {
        System.err.println("devicelink server " + name + ": " + why);
        return 2;
    }
}
