package org.devicelink.server;

/** The support rules on Postgres. */
class SupportOnPostgresTest extends SupportContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
