package org.devicelink.server;

import org.devicelink.testing.Databases;


/** LockoutsContract on PostgreSQL, the database of a scaled-out deployment. */
class LockoutsOnPostgresTest extends LockoutsContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
