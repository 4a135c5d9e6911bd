package org.devicelink.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** Where a test's link server keeps its data: a fresh H2 file, or a fresh database on one embedded PostgreSQL. */
public interface Databases {

    /** A JDBC URL of an empty database, new for each call. */
    String newDatabase(Path dataDir);

    Databases H2 = dataDir -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("devicelink");

    Databases POSTGRES = new Databases() {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public String newDatabase(Path dataDir) {
            String name = "test" + counter.incrementAndGet();
            try (Connection connection = EmbeddedPostgresHolder.INSTANCE.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return EmbeddedPostgresHolder.INSTANCE.getJdbcUrl("postgres", name);
        }
    };

    /** One PostgreSQL for the whole test run, started on first use, stopped when the JVM exits. */
    public final class EmbeddedPostgresHolder {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }
}
