package org.devicelink.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 12: a foreign key and the index that looks its column up become one B-tree on H2. H2 gives a key an index
 * of its own unless one on exactly its columns exists when the key is made, and these keys came first (or beside an
 * index of two columns), so every insert wrote both: a new code nine trees, a new device five. Each such index now
 * holds the key's column alone (the status it also held filters a person's few rows just as well), and the key is made
 * again after it. H2 named the keys itself, so their names are looked up. PostgreSQL makes no index for a key: there
 * the keys come back as they were, and the narrower indexes serve the same lookups.
 */
final class ForeignKeysUseTheirIndexes implements JavaMigration {

    private record Key(String table, String column, String references, String index) {}

    private static final List<Key> KEYS = List.of(
            new Key("pending_links", "asked_by", "accounts (id)", "pending_links_by_asker"),
            new Key("linked_devices", "account_id", "accounts (id)", "linked_devices_by_account"),
            new Key("refresh_tokens", "device_id", "linked_devices (id)", "refresh_tokens_by_device"));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "foreign keys use their indexes";
    }

    @Override
    public Integer getChecksum() {
        return null; // as Flyway's own Java migrations: a hash of the records could change with the JDK and fail validation
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Key key : KEYS) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX " + key.index());
                statement.execute("CREATE INDEX " + key.index() + " ON " + key.table() + " (" + key.column() + ")");
                statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT \"" + nameOf(connection, key) + "\"");
                statement.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.table() + "_" + key.column()
                        + "_fkey FOREIGN KEY (" + key.column() + ") REFERENCES " + key.references());
            }
        }
    }

    private static String nameOf(Connection connection, Key key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT t.constraint_name FROM information_schema.table_constraints t "
                + "JOIN information_schema.key_column_usage k ON k.constraint_schema = t.constraint_schema "
                + "AND k.constraint_name = t.constraint_name WHERE t.constraint_type = 'FOREIGN KEY' "
                + "AND t.table_schema = CURRENT_SCHEMA AND LOWER(t.table_name) = ? AND LOWER(k.column_name) = ?")) {
            query.setString(1, key.table());
            query.setString(2, key.column());
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no foreign key on " + key.table() + "." + key.column());
                }
                return rs.getString(1);
            }
        }
    }
}
