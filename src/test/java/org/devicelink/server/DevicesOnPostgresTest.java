package org.devicelink.server;

import org.devicelink.testing.Databases;


/** DevicesContract on PostgreSQL, the database of a scaled-out deployment. */
class DevicesOnPostgresTest extends DevicesContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
