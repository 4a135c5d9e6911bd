package org.devicelink.server;

/** HousekeepingContract on PostgreSQL, the database of a scaled-out deployment. */
class HousekeepingOnPostgresTest extends HousekeepingContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
