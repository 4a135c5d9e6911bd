package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The per-app policies on Postgres. */
class AppPoliciesOnPostgresTest extends AppPoliciesContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
