package org.devicelink.server;

import org.devicelink.testing.Databases;


/** HeldPollsContract on PostgreSQL, the database of a scaled-out deployment. */
class HeldPollsOnPostgresTest extends HeldPollsContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
