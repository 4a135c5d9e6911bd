package org.devicelink.server;

import org.devicelink.testing.Databases;


/** DevicesContract on H2, the embedded default. */
class DevicesOnH2Test extends DevicesContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
