package org.devicelink.server;

import org.devicelink.testing.Databases;

/** Notices and sign-out everywhere on PostgreSQL. */
class NoticesOnPostgresTest extends NoticesContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
