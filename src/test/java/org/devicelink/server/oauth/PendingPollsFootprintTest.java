package org.devicelink.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.devicelink.server.notify.InProcessNotifier;
import org.devicelink.server.store.LinkStatus;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.Sql;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** What a node's memory of waiting codes costs, object by object (JOL), at 100,000 codes: the budget is 0.5 KB each. */
class PendingPollsFootprintTest {

    @Test
    void aHundredThousandWaitingCodesTakeUnderHalfAKilobyteEach() {
        var now = Instant.parse("2026-12-01T12:00:00Z");
        var polls = new PendingPolls(new InProcessNotifier(new Sql(null)), 200_000, Clock.fixed(now, ZoneOffset.UTC));
        var random = new Random(7);
        byte[] key = new byte[16];
        int codes = 100_000;
        for (int i = 0; i < codes; i++) {
            random.nextBytes(key);
            var row = new PendingLinkStore.Row(UUID.randomUUID().toString(), HexFormat.of().formatHex(key), new String("demo-console"),
                    "offline_access profile play", "Living room console", "DL-2", "192.0.2.7", "DeviceLink-DeviceKit/1",
                    now, now.plusSeconds(600), 5, LinkStatus.PENDING, null, null, null);
            polls.remember(row, polls.epoch()).pace(now); // polled once: its pace is kept too
        }
        long bytes = GraphLayout.parseInstance(polls).totalSize();
        long perCode = bytes / codes;
        System.out.println("memory per waiting code: " + perCode + " bytes (" + bytes / 1024 + " KiB for " + codes + ")");
        assertThat(polls.size()).isEqualTo(codes);
        assertThat(perCode).isLessThanOrEqualTo(512);
    }
}
