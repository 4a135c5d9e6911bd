package org.devicelink.server.store;

/**
 * Where a device's request to be linked stands (RFC 8628): pending, then approved or denied; approved, then redeemed.
 * A child's approval makes it wait for a parent (still pending to the device), who approves or denies it.
 */
public enum LinkStatus {
    PENDING, AWAITING_PARENT, APPROVED, DENIED, REDEEMED;

    /** Still waiting for a person: the device is told {@code authorization_pending}. */
    public boolean waiting() {
        return this == PENDING || this == AWAITING_PARENT;
    }
}
