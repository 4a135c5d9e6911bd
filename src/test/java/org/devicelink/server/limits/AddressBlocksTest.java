package org.devicelink.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressBlocksTest {

    private final AddressBlocks perAddress = new AddressBlocks(32);
    private final AddressBlocks neighbours = new AddressBlocks(24);

    @Test
    void anAddressCountsInItsBlock() {
        assertEquals("203.0.113.7/32", perAddress.blockOf("203.0.113.7"));
        assertEquals("203.0.113.0/24", neighbours.blockOf("203.0.113.7"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", perAddress.blockOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
    }

    @Test
    void aZoneIsNotPartOfTheBlock() {
        assertEquals("fe80:0:0:0:0:0:0:0/64", perAddress.blockOf("fe80::1%2"));
    }

    @Test
    void textThatIsNotAnAddressLiteralIsNeverLookedUp() {
        assertEquals("localhost", perAddress.blockOf("localhost"));
        assertEquals("null", perAddress.blockOf(null));
        assertEquals("1.2.3.4 ", perAddress.blockOf("1.2.3.4 "));
        assertFalse(perAddress.isLoopback("localhost"));
    }

    @Test
    void loopbackIsThisComputersOwn() {
        assertTrue(perAddress.isLoopback("127.0.0.1"));
        assertTrue(perAddress.isLoopback("::1"));
        assertFalse(perAddress.isLoopback("203.0.113.7"));
    }
}
