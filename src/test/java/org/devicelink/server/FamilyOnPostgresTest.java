package org.devicelink.server;

/** The family rules on Postgres. */
class FamilyOnPostgresTest extends FamilyContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
