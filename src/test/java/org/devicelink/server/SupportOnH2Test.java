package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The support rules on H2. */
class SupportOnH2Test extends SupportContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
