package org.devicelink.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account is to DeviceLink, as the identity provider says in the token's {@code roles} claim: a member, a
 * family organizer (a parent), a child in a family, or support staff.
 */
public enum Role {
    MEMBER, ORGANIZER, CHILD, SUPPORT;

    /** How it travels in tokens and JSON: {@code organizer}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String text) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(text)).findFirst();
    }
}
