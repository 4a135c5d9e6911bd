package org.devicelink.app.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in person as the app shows them, with a current access token for the link server.
 *
 * @param accountId  MSAL's home account id (stable per person and provider)
 * @param clockSkew  how far this computer's clock is from the provider's (positive: this computer is ahead)
 */
public record Session(String accountId, String username, String displayName, String accessToken, Instant expiresOn,
                      Duration clockSkew) {}
