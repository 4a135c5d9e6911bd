package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The family rules on Postgres. */
class FamilyOnPostgresTest extends FamilyContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
