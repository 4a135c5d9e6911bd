package org.devicelink.server;

/** The support rules on H2. */
class SupportOnH2Test extends SupportContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
