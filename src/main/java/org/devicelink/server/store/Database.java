package org.devicelink.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/**
 * The link server's database: a pool over an H2 file (embedded default) or PostgreSQL (many nodes), migrated
 * with the same Flyway scripts on start. Several nodes may start at once: Flyway's lock serializes migrations.
 */
public final class Database implements AutoCloseable {

    /** How long a request waits for a connection before it is answered 503: fail fast, never pile up. */
    static final long CONNECTION_WAIT_MILLIS = 2_000;
    /** How long one statement may run on PostgreSQL: a stuck database costs a request this, not a thread for ever. */
    static final long STATEMENT_MILLIS = 5_000;

    private final HikariDataSource dataSource;
    private final String jdbcUrl;
    private final Properties connectionProperties = new Properties();
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
        this.jdbcUrl = jdbcUrl;
        if (!user.isEmpty()) {
            connectionProperties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            connectionProperties.setProperty("password", password);
        }
        if (DatabaseUrls.isPostgres(jdbcUrl)) {
            connectionProperties.setProperty("connectTimeout", "2");
            connectionProperties.setProperty("socketTimeout", Long.toString(STATEMENT_MILLIS / 1000 * 3));
            connectionProperties.setProperty("options", "-c statement_timeout=" + STATEMENT_MILLIS
                    + " -c idle_in_transaction_session_timeout=" + STATEMENT_MILLIS * 2);
        }
        var config = new HikariConfig();
        config.setJdbcUrl(powerSafe ? DatabaseUrls.reuseFreedSpace(jdbcUrl) : jdbcUrl);
        config.setDataSourceProperties(connectionProperties);
        config.setMaximumPoolSize(maxConnections);
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        config.setPoolName("devicelink");
        this.dataSource = new HikariDataSource(config);
        try {
            // the same scripts for both, and each its own for what SQL cannot say alike (triggers)
            String own = DatabaseUrls.isPostgres(jdbcUrl) ? "classpath:db/postgresql" : "classpath:db/h2";
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", own)
                    .javaMigrations(new ForeignKeysUseTheirIndexes()).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.sql = new Sql(dataSource);
        // PostgreSQL puts every commit on disk before it returns; an H2 file needs telling
        this.groupCommit = DatabaseUrls.isH2File(jdbcUrl) ? new GroupCommit(dataSource, powerSafe) : null;
    }

    private Consumer<Duration> durableWait = waited -> { };

    /**
     * Meters the pool (HikariCP's own meters, in {@code registry}) and each request's wait for the disk
     * ({@code durableWait}).
     */
    public void instrument(MeterRegistry registry, Consumer<Duration> durableWait) {
        dataSource.setMetricRegistry(registry);
        this.durableWait = durableWait;
    }

    /** Returns once what this thread has written is on disk (at once on PostgreSQL, whose commits already are). */
    public void awaitDurable() {
        if (groupCommit != null && sql.takeWrote()) {
            long start = System.nanoTime();
            groupCommit.awaitDurable();
            durableWait.accept(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Whether this is PostgreSQL (shared by nodes) rather than an H2 file (one node). */
    public boolean postgres() {
        return DatabaseUrls.isPostgres(jdbcUrl);
    }

    /** A connection of its own, outside the pool, with the pool's settings: for a listener that holds one for good. */
    public Connection openDedicated() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, connectionProperties);
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
