package org.devicelink.server;

import org.devicelink.testing.Databases;


/** LockoutsContract on H2, the embedded default. */
class LockoutsOnH2Test extends LockoutsContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
