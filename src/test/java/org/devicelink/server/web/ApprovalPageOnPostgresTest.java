package org.devicelink.server.web;

import org.devicelink.testing.Databases;

/** The approval page's cases on PostgreSQL: its sessions and every decision in the database that scales. */
class ApprovalPageOnPostgresTest extends ApprovalPageTest {

    @Override
    Databases database() {
        return Databases.POSTGRES;
    }
}
