package org.devicelink.protocol;

/** Why support needs to see a customer's devices: written down, audited, and shown to the customer. */
public record SupportLookup(String reason) {
    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 500;
}
