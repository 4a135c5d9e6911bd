package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The support rules on Postgres. */
class SupportOnPostgresTest extends SupportContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
