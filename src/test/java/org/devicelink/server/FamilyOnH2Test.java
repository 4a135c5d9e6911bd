package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The family rules on H2. */
class FamilyOnH2Test extends FamilyContract {
    @Override
    Databases databases() {
        return Databases.H2;
    }
}
