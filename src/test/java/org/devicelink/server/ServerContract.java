package org.devicelink.server;

import java.nio.file.Path;
import java.util.Map;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract's link server: started by the test on the database its subclass picks (H2 or PostgreSQL), in a data folder
 * of its own, and stopped after it. Every contract runs on both.
 */
abstract class ServerContract {

    @TempDir
    Path dataDir;
    LinkServerFixture fixture;

    abstract Databases databases();

    LinkServerFixture start(Map<String, String> settings) {
        fixture = new LinkServerFixture(databases(), dataDir, settings);
        return fixture;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    Http http() {
        return fixture.http();
    }
}
