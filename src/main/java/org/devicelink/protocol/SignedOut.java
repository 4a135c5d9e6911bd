package org.devicelink.protocol;

/** Answer of {@code POST /api/v1/devices/sign-out-all}: how many devices were signed out. */
public record SignedOut(int devices) {}
