package org.devicelink.server;

import org.devicelink.testing.Databases;


/** The device-flow contract on PostgreSQL, the database of a scaled-out deployment. */
class DeviceFlowOnPostgresTest extends DeviceFlowContract {
    @Override
    Databases databases() {
        return Databases.POSTGRES;
    }
}
