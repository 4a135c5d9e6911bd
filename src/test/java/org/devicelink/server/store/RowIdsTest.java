package org.devicelink.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowIdsTest {

    @Test
    void idsAreVersionSevenUuidsThatSortByTimeAndNeverRepeat() {
        var start = Instant.parse("2026-12-07T03:00:00Z");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RowIds.next(start.plusMillis(i)));
        }
        var uuid = UUID.fromString(ids.getFirst());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(start.toEpochMilli());
        assertThat(ids).isSorted().as("as strings too: the index orders the text");
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        var sameMillisecond = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(RowIds.next(start));
        }
        assertThat(sameMillisecond).as("74 random bits within one millisecond").hasSize(10_000);
    }
}
