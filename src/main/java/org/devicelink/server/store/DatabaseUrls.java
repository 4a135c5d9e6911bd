package org.devicelink.server.store;

import java.util.Locale;

/** What the server makes of a JDBC URL before it opens it. */
public final class DatabaseUrls {

    private DatabaseUrls() {}

    /**
     * An H2 file gets {@code WRITE_DELAY=0}: each commit is written before the commit returns, so nothing is answered
     * before it is on disk. H2's default keeps the last half second of commits in memory, which a killed process loses.
     * An operator's own {@code WRITE_DELAY} is kept.
     */
    public static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.startsWith("jdbc:h2:./") || jdbcUrl.startsWith("jdbc:h2:/");
        return h2File && !jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=") ? jdbcUrl + ";WRITE_DELAY=0" : jdbcUrl;
    }
}
