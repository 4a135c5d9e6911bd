package org.devicelink.protocol;

import java.util.List;

/**
 * Linking with a code for one account ({@code GET|PUT /api/v1/settings/linking}): {@link #ON}, {@link #HOME} (only
 * when the approver is on the device's own network, the judgement behind the confirmation's network warning) or
 * {@link #OFF}. {@code chosen} is false while the account follows the operator's default.
 */
public record LinkingSetting(String linking, boolean chosen) {

    public static final String ON = "on";
    public static final String HOME = "home";
    public static final String OFF = "off";
    public static final List<String> CHOICES = List.of(ON, HOME, OFF);
}
