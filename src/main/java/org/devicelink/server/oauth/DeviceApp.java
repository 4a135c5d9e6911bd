package org.devicelink.server.oauth;

import java.util.Arrays;
import java.util.List;

/** A registered device app (an OAuth public client): what devices running it may ask for. */
public record DeviceApp(String clientId, String displayName, List<String> allowedScopes) {

    public static DeviceApp of(String clientId, String displayName, String allowedScopes) {
        return new DeviceApp(clientId, displayName, Arrays.stream(allowedScopes.split(" ")).filter(s -> !s.isBlank()).toList());
    }
}
