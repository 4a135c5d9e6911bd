package org.devicelink.server;

import org.devicelink.testing.Databases;


/** HousekeepingContract on H2, the embedded default. */
class HousekeepingOnH2Test extends HousekeepingContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
