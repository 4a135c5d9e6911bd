package org.devicelink.server;

/** The device-flow contract on the embedded default's database. */
class DeviceFlowOnH2Test extends DeviceFlowContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
