package org.devicelink.server;

/** The per-app policies on Postgres. */
class AppPoliciesOnPostgresTest extends AppPoliciesContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
