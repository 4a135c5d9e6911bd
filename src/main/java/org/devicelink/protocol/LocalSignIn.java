package org.devicelink.protocol;

/**
 * What the companion and the link server agree on for sign-in on the embedded default: the local OpenID provider
 * lives at {@code {server}/idp} (one path segment: MSAL builds its token URL from the authority's first segment),
 * the companion is client {@link #CLIENT_ID}, and the link server's API is audience {@link #API_AUDIENCE} with scope
 * {@link #API_SCOPE}.
 */
public final class LocalSignIn {

    public static final String PATH = "/idp";
    public static final String CLIENT_ID = "devicelink-companion";
    /** The link server's own approval page ({@code /link}), signing people in through the browser they opened it in. */
    public static final String WEB_CLIENT_ID = "devicelink-web";
    public static final String API_AUDIENCE = "devicelink-api";
    public static final String API_SCOPE = "devicelink";
    /** The tenant id every local account has (MSAL's {@code utid}). */
    public static final String TENANT = "local";

    private LocalSignIn() {}

    /** The authority (and issuer) of the local provider of a server at {@code baseUrl}. */
    public static String authority(String baseUrl) {
        return baseUrl + PATH;
    }
}
