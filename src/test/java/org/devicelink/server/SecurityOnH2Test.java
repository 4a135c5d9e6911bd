package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The security review's database findings on H2, the embedded default. */
class SecurityOnH2Test extends SecurityContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
