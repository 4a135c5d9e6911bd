package org.devicelink.server;

/** DevicesContract on H2, the embedded default. */
class DevicesOnH2Test extends DevicesContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
