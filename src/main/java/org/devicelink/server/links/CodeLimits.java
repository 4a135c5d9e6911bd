package org.devicelink.server.links;

import java.time.Duration;

/**
 * How many wrong user codes may be tried (RFC 8628 §5.1): per account and per address block, within the window and
 * within a day, and by all accounts together within an hour before each account's day is cut to a third.
 */
public record CodeLimits(int perAccount, int perAccountDaily, int perAddress, int perAddressDaily, int allAccountsHourly,
                         Duration window) {}
