package org.devicelink.server;

import org.devicelink.testing.Databases;


/** HousekeepingContract on PostgreSQL, the database of a scaled-out deployment. */
class HousekeepingOnPostgresTest extends HousekeepingContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
