package org.devicelink.server;

/** LockoutsContract on PostgreSQL, the database of a scaled-out deployment. */
class LockoutsOnPostgresTest extends LockoutsContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
