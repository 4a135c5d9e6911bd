package org.devicelink.protocol;

import java.time.Instant;
import java.util.List;

/**
 * What support staff see of a code a customer reads out: whether it is valid now, and its story. Names are masked
 * ("A. M."): support confirms what happened, it does not learn who a stranger is.
 *
 * @param status     {@code waiting}, {@code awaiting-parent}, {@code approved} (not collected yet), {@code linked},
 *                   {@code denied}, {@code expired}, or {@code not-found}
 * @param network    where the device asked from, as the confirm screen says it
 * @param customerId the account the device went to, for a devices lookup with a reason; null until then
 * @param nearMiss   not found, but a live code is one slip away (a misread character, two swapped): ask the customer
 *                   to read it again. Which code is never said
 */
public record CodeStory(String code, String status, boolean valid, String appName, String deviceName, String deviceModel,
                        String network, List<Event> events, String customerId, boolean nearMiss) {

    public static final String NOT_FOUND = "not-found";

    /** @param what {@code issued}, {@code looked-up}, {@code asked-a-parent}, {@code approved}, {@code denied},
     *              {@code reported}, {@code collected}, {@code expired}, or {@code refused-linking-home} / {@code refused-linking-off}
     *              (the looker's own linking setting refused it); {@code by} a masked name, or null */
    public record Event(Instant at, String what, String by) {}
}
