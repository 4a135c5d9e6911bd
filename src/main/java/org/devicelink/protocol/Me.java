package org.devicelink.protocol;

import java.util.List;

/** The signed-in account as the link server knows it from the token: what the companion may offer it. */
public record Me(String id, String name, List<Role> roles) {}
