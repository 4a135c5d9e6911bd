package org.devicelink.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an H2 file every index is a B-tree that each insert writes and each group commit serializes again, and H2 gives
 * a foreign key an index of its own unless one on exactly its columns exists when the key is made: a plain index that
 * is the start of another is a second tree for one lookup (migration 12 folded them together where writes are many).
 */
class IndexesTest {

    /** Where the second tree is the price of an order the longer index gives, on tables written seldom. */
    private static final Set<String> ACCEPTED = Set.of(
            "ACTIVITY.ACCOUNT_ID", // a person's history is read newest first: (account_id, at)
            "SUPPORT_AUDIT.SUPPORT_ID", // written when staff act, read newest first
            "SUPPORT_HINTS.SUPPORT_ID",
            "SUPPORT_HINT_CODES.HINT_ID"); // the key (hint_id, code_hash) starts with it

    record Index(String table, String name, boolean unique, List<String> columns) {}

    @Test
    void noPlainIndexIsTheStartOfAnother(@TempDir Path dir) {
        try (var database = new Database("jdbc:h2:file:" + dir.resolve("devicelink"), "", "", 2)) {
            List<Index> indexes = indexes(database.sql());
            var redundant = new ArrayList<String>();
            for (Index index : indexes) {
                for (Index other : indexes) {
                    if (index != other && !index.unique() && index.table().equals(other.table())
                            && other.columns().size() >= index.columns().size()
                            && other.columns().subList(0, index.columns().size()).equals(index.columns())
                            && !ACCEPTED.contains(index.table() + "." + String.join(",", index.columns()))) {
                        redundant.add(index.table() + "." + index.name() + " " + index.columns() + " starts " + other.name());
                    }
                }
            }
            assertEquals(List.of(), redundant);
        }
    }

    private record Column(String table, String index, String type, String name) {}

    private static List<Index> indexes(Sql sql) {
        var indexes = new LinkedHashMap<String, Index>();
        for (Column c : sql.query("SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i "
                + "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME "
                + "WHERE i.TABLE_SCHEMA = 'PUBLIC' ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION",
                r -> new Column(r.string("TABLE_NAME"), r.string("INDEX_NAME"), r.string("INDEX_TYPE_NAME"), r.string("COLUMN_NAME")))) {
            indexes.computeIfAbsent(c.table() + "." + c.index(),
                    key -> new Index(c.table(), c.index(), !c.type().equals("INDEX"), new ArrayList<>())).columns().add(c.name());
        }
        return List.copyOf(indexes.values());
    }
}
