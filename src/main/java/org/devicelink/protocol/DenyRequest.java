package org.devicelink.protocol;

/** Body of {@code POST /api/v1/links/{code}/deny}; {@code report} is "I didn't start this". */
public record DenyRequest(boolean report) {}
