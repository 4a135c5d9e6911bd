package org.devicelink.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's half of an insert-only table (PostgreSQL's is a plpgsql trigger): any UPDATE or DELETE fails. */
public final class InsertOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is insert-only: a row may be added, never changed or removed");
    }
}
