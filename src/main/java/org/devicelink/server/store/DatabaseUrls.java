package org.devicelink.server.store;

import java.util.List;
import java.util.Locale;

/** What the server makes of a JDBC URL before it opens it. */
public final class DatabaseUrls {

    private DatabaseUrls() {}

    /**
     * An H2 file: it keeps recent commits in memory for a while, so the server puts them on disk itself (group commit).
     * Every H2 URL but an in-memory or a remote one names a file, whatever its file system ({@code file:}, {@code nio:},
     * {@code ~/…}, a path).
     */
    public static boolean isH2File(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") && !List.of("jdbc:h2:mem:", "jdbc:h2:tcp:", "jdbc:h2:ssl:", "jdbc:h2:zip:").stream()
                .anyMatch(jdbcUrl::startsWith);
    }

    /**
     * An H2 file whose every commit is forced to the device (power-safe group commit) can reuse the space of chunks no
     * longer live at once ({@code RETENTION_TIME=0}) rather than after H2's 45 s default, which H2 keeps for writes
     * the disk may not yet have made. Under a steady stream of new codes that default grows the file by about
     * 15 KB per code; at 0 it holds what is live. Other URLs are left as given.
     */
    static String reuseFreedSpace(String jdbcUrl) {
        if (!isH2File(jdbcUrl) || jdbcUrl.toUpperCase(Locale.ROOT).contains("RETENTION_TIME")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";RETENTION_TIME=0";
    }

    /** PostgreSQL: the database that several nodes share, and tell each other of decisions through (LISTEN/NOTIFY). */
    public static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
