package org.devicelink.app.link;

import org.devicelink.protocol.LinkedDevice;

/** How a link attempt ended, as the result screen shows it. */
public sealed interface LinkOutcome {

    record Linked(LinkedDevice device) implements LinkOutcome {}

    /** A child's approval: a parent decides it under Requests. */
    record AwaitingParent(String requestId, String deviceName) implements LinkOutcome {}

    /** What a parent made of a child's request: {@code approved}, {@code denied} or {@code expired} (no one decided). */
    record ParentDecided(String deviceName, String status) implements LinkOutcome {}

    record Denied(boolean reported) implements LinkOutcome {}

    /** {@code retry} is true when trying the same thing again may work (the server was unreachable). */
    record Failed(String message, boolean retry) implements LinkOutcome {}
}
