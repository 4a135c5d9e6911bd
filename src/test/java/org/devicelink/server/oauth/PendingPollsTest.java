package org.devicelink.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.devicelink.server.notify.InProcessNotifier;
import org.devicelink.server.store.LinkStatus;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.Sql;
import org.junit.jupiter.api.Test;

/** The races a node's memory of pending codes must not lose: a decision or a lost connection between read and remember. */
class PendingPollsTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    final InProcessNotifier notifier = new InProcessNotifier(new Sql(null)); // no transaction: decisions delivered at once
    final PendingPolls polls = new PendingPolls(notifier, 10, Clock.fixed(NOW, ZoneOffset.UTC));

    static PendingLinkStore.Row row(String key) {
        return new PendingLinkStore.Row("id-" + key, key, "demo-console", "play", null, null, "127.0.0.1", null,
                NOW, NOW.plusSeconds(600), 5, LinkStatus.PENDING, null, null, null);
    }

    @Test
    void aCodeDecidedWhileItsRowWasReadIsNotRemembered() {
        long epoch = polls.epoch();
        notifier.decided("k1"); // the decision lands after the poll read the row as pending
        polls.remember(row("k1"), epoch);
        assertThat(polls.find("k1")).isEmpty();
        polls.remember(row("k2"), epoch);
        assertThat(polls.find("k2")).isPresent();
    }

    @Test
    void aRowReadBeforeDecisionsWereMissedIsNotRemembered() {
        long epoch = polls.epoch();
        polls.remember(row("k1"), epoch);
        polls.lostTrack();
        assertThat(polls.find("k1")).as("forgotten").isEmpty();
        polls.remember(row("k2"), epoch);
        assertThat(polls.find("k2")).isEmpty();
        polls.remember(row("k2"), polls.epoch());
        assertThat(polls.find("k2")).isPresent();
    }

    @Test
    void memoryIsBoundedAndExpiredCodesAreSwept() {
        for (int i = 0; i < 20; i++) {
            polls.remember(row("k" + i), polls.epoch());
        }
        assertThat(polls.size()).isEqualTo(10);
        var sweeper = new PendingPolls(notifier, 10, Clock.fixed(NOW.plusSeconds(601), ZoneOffset.UTC));
        sweeper.remember(row("old"), sweeper.epoch());
        assertThat(sweeper.forgetExpired()).isEqualTo(1);
        assertThat(sweeper.size()).isZero();
    }

    @Test
    void pollsCloserThanFourFifthsOfTheIntervalAreSlowedDownForGood() {
        var waiting = polls.remember(row("k1"), polls.epoch());
        assertThat(waiting.pace(NOW)).isZero();
        assertThat(waiting.pace(NOW.plusSeconds(4))).isZero(); // 4 s of 5: within the jitter allowed
        assertThat(waiting.pace(NOW.plusSeconds(7))).isEqualTo(10); // 3 s after the last
        assertThat(waiting.pace(NOW.plus(Duration.ofSeconds(15)))).isZero(); // 8 s of 10
    }
}
