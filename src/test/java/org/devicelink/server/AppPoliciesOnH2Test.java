package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The per-app policies on H2. */
class AppPoliciesOnH2Test extends AppPoliciesContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
