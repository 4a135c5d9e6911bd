package org.devicelink.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The link server's database: a pool over an H2 file (embedded default) or PostgreSQL (many nodes), migrated
 * with the same Flyway scripts on start. Several nodes may start at once: Flyway's lock serializes migrations.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Sql sql;

    public Database(String jdbcUrl, String user, String password, int maxConnections) {
        var config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        if (!user.isEmpty()) {
            config.setUsername(user);
        }
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("devicelink");
        this.dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.sql = new Sql(dataSource);
    }

    /**
     * An H2 file writes each commit before the commit returns, so nothing is answered before it is on disk: by default
     * it keeps the last half second of commits in memory, which a killed process loses.
     */
    static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.startsWith("jdbc:h2:./") || jdbcUrl.startsWith("jdbc:h2:/");
        return h2File && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") ? jdbcUrl + ";WRITE_DELAY=0" : jdbcUrl;
    }

    public Sql sql() {
        return sql;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
