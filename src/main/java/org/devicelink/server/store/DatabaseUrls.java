package org.devicelink.server.store;

/** What the server makes of a JDBC URL before it opens it. */
public final class DatabaseUrls {

    private DatabaseUrls() {}

    /** An H2 file: it keeps recent commits in memory for a while, so the server puts them on disk itself (group commit). */
    public static boolean isH2File(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.startsWith("jdbc:h2:./") || jdbcUrl.startsWith("jdbc:h2:/");
    }

    /** PostgreSQL: the database that several nodes share, and tell each other of decisions through (LISTEN/NOTIFY). */
    public static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
