package org.devicelink.server;

import org.devicelink.testing.Databases;


/** HeldPollsContract on H2, the embedded default. */
class HeldPollsOnH2Test extends HeldPollsContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
