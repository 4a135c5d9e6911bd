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
        config.setJdbcUrl(DatabaseUrls.durable(jdbcUrl));
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

    public Sql sql() {
        return sql;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
