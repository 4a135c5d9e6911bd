package org.devicelink.protocol;

/** Someone in the signed-in parent's family, as the confirm screen's chooser and the devices filter name them. */
public record FamilyMember(String id, String name, Role role, boolean you) {}
