package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.devicelink.server.store.Database;
import org.devicelink.server.store.Housekeeping;
import org.devicelink.server.store.OutboxStore;
import org.junit.jupiter.api.Test;

/**
 * What the server forgets, and when: expired requests after a week, activity after its time, both in batches.
 */
abstract class HousekeepingContract extends DeviceFlowSteps {

    @Test
    void aWeekAfterExpiryARequestIsForgotten() {
        server();
        String userCode = startCode(CONSOLE, "Console").path("user_code").asText();
        var config = fixture.server().config();
        try (var database = new Database(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 2)) {
            var housekeeping = new Housekeeping(database.sql(), fixture.clock, Duration.ofDays(365));
            later(Duration.ofDays(6));
            assertThat(housekeeping.run().rows()).isZero();
            assertThat(http().get("/api/v1/links/" + userCode, alex).problem()).isEqualTo("code-expired");
            later(Duration.ofDays(2));
            assertThat(housekeeping.run().rows()).isPositive();
            assertThat(http().get("/api/v1/links/" + userCode, alex).problem()).isEqualTo("code-not-found");
        }
    }

    @Test
    void expiredRequestsAreForgottenInBatches() {
        server();
        for (int i = 0; i < 5; i++) {
            startCode(CONSOLE, "Console " + i);
        }
        var config = fixture.server().config();
        try (var database = new Database(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 2)) {
            var housekeeping = new Housekeeping(database.sql(), fixture.clock, Duration.ofDays(365), 2);
            later(Duration.ofDays(8));
            assertThat(housekeeping.run().batches().get("pending_links")).as("5 requests in batches of 2, 2 and 1").containsExactly(2, 2,
                    1);
            assertThat(database.sql().query("SELECT COUNT(*) AS n FROM pending_links", row -> row.number("n"))).containsExactly(0L);
        }
    }

    @Test
    void activityIsKeptForItsTimeThenSweptInBatches() {
        server();
        for (int i = 0; i < 3; i++) {
            assertThat(approve(startCode(CONSOLE, "Console " + i).path("user_code").asText(), alex).status()).isEqualTo(200);
        }
        assertThat(http().get("/api/v1/activity", alex).json()).hasSize(3);
        var config = fixture.server().config();
        try (var database = new Database(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 2)) {
            var housekeeping = new Housekeeping(database.sql(), fixture.clock, Duration.ofDays(30), 2);
            later(Duration.ofDays(29));
            assertThat(housekeeping.run().batches().get("activity")).as("nothing past its time yet").containsExactly(0);
            assertThat(http().get("/api/v1/activity", alex).json()).as("within its 30 days").hasSize(3);
            later(Duration.ofDays(2));
            assertThat(housekeeping.run().batches().get("activity")).containsExactly(2, 1);
            assertThat(http().get("/api/v1/activity", alex).json()).as("past them, in batches of 2 and 1").isEmpty();
        }
    }

    /** A sent notice is kept 30 days; one that could not be sent yet is never swept, however old. */
    @Test
    void sentNoticesAreKeptAMonthAndUnsentOnesUntilSent() {
        server();
        var config = fixture.server().config();
        try (var database = new Database(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 2)) {
            var outbox = new OutboxStore(database.sql());
            var now = fixture.clock.instant();
            for (String id : List.of("sent-1", "sent-2", "unsent")) {
                outbox.insert(id, "alex@example.com", "linked", "Subject: test", now);
            }
            outbox.sent("sent-1", now);
            outbox.sent("sent-2", now);
            var housekeeping = new Housekeeping(database.sql(), fixture.clock, Duration.ofDays(365), 2);
            later(Housekeeping.KEEP_SENT_NOTICES.minusMinutes(1));
            assertThat(housekeeping.run().batches().get("outbox")).as("within the month").containsExactly(0);
            later(Duration.ofMinutes(2));
            assertThat(housekeeping.run().batches().get("outbox")).containsExactly(2, 0);
            assertThat(database.sql().query("SELECT id FROM outbox", row -> row.string("id"))).containsExactly("unsent");
        }
    }
}
