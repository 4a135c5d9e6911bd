package org.devicelink.server.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.devicelink.protocol.DisplayText;
import org.junit.jupiter.api.Test;

/** Launch-day finding 9: the different-network warning and device names, where they misled. */
class NetworksTest {

    @Test
    void theWarningIsGivenWhereItMeansSomethingAndOnlyThere() {
        assertThat(Networks.differ("unknown", "not-an-address")).as("two unknowns are no one network").isTrue();
        assertThat(Networks.differ("203.0.113.7", "garbage")).isTrue();
        assertThat(Networks.differ("203.0.113.7", "203.0.113.9")).as("neighbours behind a carrier's NAT").isTrue();
        assertThat(Networks.differ("2001:db8:1:2::5", "2001:db8:1:3::9")).as("another /64").isTrue();
        assertThat(Networks.differ("127.0.0.1", "203.0.113.7")).isTrue();

        assertThat(Networks.differ("203.0.113.7", "203.0.113.7")).as("one home, one public address").isFalse();
        assertThat(Networks.differ("192.168.1.5", "192.168.1.20")).as("one local network").isFalse();
        assertThat(Networks.differ("2001:db8:1:2::5", "2001:db8:1:2:abcd::9")).as("one home's /64").isFalse();
        assertThat(Networks.differ("203.0.113.7", "2001:db8:1:2::5")).as("a dual-stack home: cannot tell, not warned").isFalse();
        assertThat(Networks.differ("127.0.0.1", "::1")).isFalse();
    }

    @Test
    void aNameMixingLatinWithLookAlikeLettersIsRefusedAndOneLanguagesNamesPass() {
        assertThat(DisplayText.oneScript("L\u0456ving-room TV")).as("a Cyrillic і among Latin letters").isFalse();
        assertThat(DisplayText.oneScript("\u03a4\u03b7\u03bb\u03b5\u03cc\u03c1\u03b1\u03c3\u03b7")).as("Greek alone: one script").isTrue();
        assertThat(DisplayText.oneScript("X\u03bfbox")).as("a Greek omicron in Xbox").isFalse();
        for (String name : new String[] {"Living-room TV", "Wohnzimmer-Fernseher", "Телевизор", "リビングのTV", "客厅电视 TV",
                "거실 TV", "تلفاز الصالة", "Télé du salon", "Switch 2"}) {
            assertThat(DisplayText.oneScript(name)).as(name).isTrue();
        }
        assertThat(DisplayText.oneScript("Телевизор تلفاز")).as("two scripts, neither Latin").isFalse();
    }
}
