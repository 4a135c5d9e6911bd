package org.devicelink.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC with the ceremony taken out: parameters in, rows out, one transaction per call unless
 * {@link #inTransaction} groups several. Works the same on H2 and PostgreSQL.
 */
public final class Sql {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    /** Whether this thread has committed a change since it last asked: a request's answer waits for it to be on disk. */
    private final ThreadLocal<Boolean> wrote = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: every call of this Sql inside it shares the connection. */
    public <T> T inTransaction(Work<T> work) {
        if (transaction.get() != null) {
            return call(work);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            transaction.set(connection);
            afterCommit.set(new ArrayList<>());
            List<Runnable> committed;
            T result;
            try {
                result = work.run();
                connection.commit();
                wrote.set(true);
                committed = afterCommit.get();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                transaction.remove();
                afterCommit.remove();
                connection.setAutoCommit(true);
            }
            committed.forEach(Runnable::run);
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs {@code action} once the current transaction has committed (never if it rolls back); at once outside one. */
    public void afterCommit(Runnable action) {
        List<Runnable> pending = afterCommit.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    public int update(String sql, Object... args) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, args)) {
                int changed = statement.executeUpdate();
                if (changed > 0 && transaction.get() == null) {
                    wrote.set(true);
                }
                return changed;
            }
        });
    }

    /** Whether this thread committed a change since it last asked; asking forgets it. */
    public boolean takeWrote() {
        boolean did = wrote.get();
        wrote.set(false);
        return did;
    }

    /**
     * An INSERT that may lose a race for its key: true when it inserted, false when the key was there already. Inside a
     * transaction it runs under a savepoint, since PostgreSQL aborts a transaction whose statement failed.
     */
    public boolean insertUnlessPresent(String sql, Object... args) {
        return withConnection(connection -> {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try (PreparedStatement statement = prepare(connection, sql, args)) {
                statement.executeUpdate();
                if (savepoint == null) {
                    wrote.set(true);
                } else {
                    connection.releaseSavepoint(savepoint);
                }
                return true;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, args);
                 ResultSet rs = statement.executeQuery()) {
                var rows = new ArrayList<T>();
                var row = new Row(rs);
                while (rs.next()) {
                    rows.add(mapper.map(row));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    /** How an enum value is kept in a text column: {@code REFRESH_TOKEN_REUSE} as {@code refresh-token-reuse}. */
    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when an INSERT failed only because the key already exists (a race another node or thread won). */
    public static boolean isDuplicateKey(StoreException e) {
        return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        Connection shared = transaction.get();
        try {
            if (shared != null) {
                return work.run(shared);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static <T> T call(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (arg instanceof Enum<?> value) {
                statement.setString(i + 1, wire(value));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
        return statement;
    }

    /** One row of a result, with the conversions our tables need. */
    public static final class Row {
        private final ResultSet rs;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        /** Every column of the row, by lower-case name (for tests and diagnostics). */
        public Map<String, Object> columns() throws SQLException {
            var meta = rs.getMetaData();
            var values = new LinkedHashMap<String, Object>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
            }
            return values;
        }

        public String string(String column) throws SQLException {
            return rs.getString(column);
        }

        public int integer(String column) throws SQLException {
            return rs.getInt(column);
        }

        public long number(String column) throws SQLException {
            return rs.getLong(column);
        }

        public boolean bool(String column) throws SQLException {
            return rs.getBoolean(column);
        }

        /** A text column holding an enum value as {@link #wire} writes it; null stays null. */
        public <E extends Enum<E>> E choice(String column, Class<E> type) throws SQLException {
            String text = rs.getString(column);
            if (text == null) {
                return null;
            }
            for (E value : type.getEnumConstants()) {
                if (wire(value).equals(text)) {
                    return value;
                }
            }
            throw new SQLException("'" + text + "' in " + column + " is not a " + type.getSimpleName());
        }

        public Instant instant(String column) throws SQLException {
            Object value = rs.getObject(column);
            return switch (value) {
                case null -> null;
                case OffsetDateTime odt -> odt.toInstant();
                case Timestamp ts -> ts.toInstant();
                default -> rs.getObject(column, OffsetDateTime.class).toInstant();
            };
        }
    }

    /**
     * Whether a failure means the database is out of reach for now (down, restarting, failing over, or too slow to
     * answer in time) rather than a fault: the request changed nothing and may simply be sent again.
     */
    public static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true; // the pool's timeout waiting for a connection is one
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection lost or refused; 57P0x: shutting down or starting; 57014: statement timeout; 53: out of resources
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("57014") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A database failure; callers above the store never see SQLException. */
    public static final class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
