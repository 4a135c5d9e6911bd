package org.devicelink.protocol;

import java.time.Instant;

/**
 * One line of an account's activity, newest first in its list.
 *
 * @param kind   {@code linked}, {@code asked-a-parent}, {@code denied}, {@code reported}, {@code renamed}, {@code unlinked},
 *               {@code signed-out}, {@code locked-out}, {@code refresh-token-reuse} or {@code viewed-by-support}
 * @param detail      who acted when it was not the owner, a new name, or support's reason; may be null
 * @param accountName whose line it is (a parent reads the family's)
 */
public record ActivityEntry(Instant at, String kind, String deviceName, String appId, String detail, String accountId,
                            String accountName) {}
