package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The security review's database findings on PostgreSQL, the database of a scaled-out deployment. */
class SecurityOnPostgresTest extends SecurityContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
