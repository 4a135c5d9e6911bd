package org.devicelink.server.store;

/** Where a device's request to be linked stands (RFC 8628): pending, then approved or denied; approved, then redeemed. */
public enum LinkStatus {
    PENDING, APPROVED, DENIED, REDEEMED
}
