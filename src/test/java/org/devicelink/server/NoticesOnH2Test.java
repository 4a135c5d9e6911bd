package org.devicelink.server;

import org.devicelink.testing.Databases;

/** Notices and sign-out everywhere on H2, the embedded default. */
class NoticesOnH2Test extends NoticesContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
