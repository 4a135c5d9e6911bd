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
    private final GroupCommit groupCommit;

    public Database(String jdbcUrl, String user, String password, int maxConnections) {
        this(jdbcUrl, user, password, maxConnections, true);
    }

    /**
     * @param powerSafe on an H2 file: whether an acknowledged write must survive a power cut (each group of commits
     *                  forced to the device), or a killed process only (written to the operating system)
     */
    public Database(String jdbcUrl, String user, String password, int maxConnections, boolean powerSafe) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
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
        // PostgreSQL puts every commit on disk before it returns; an H2 file needs telling
        this.groupCommit = DatabaseUrls.isH2File(jdbcUrl) ? new GroupCommit(dataSource, powerSafe) : null;
    }

    /** Returns once what this thread has written is on disk (at once on PostgreSQL, whose commits already are). */
    public void awaitDurable() {
        if (groupCommit != null && sql.takeWrote()) {
            groupCommit.awaitDurable();
        }
    }

    public Sql sql() {
        return sql;
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
        dataSource.close();
    }
}
