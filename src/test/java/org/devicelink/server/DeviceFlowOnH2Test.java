package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The device-flow contract on the embedded default's database. */
class DeviceFlowOnH2Test extends DeviceFlowContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
