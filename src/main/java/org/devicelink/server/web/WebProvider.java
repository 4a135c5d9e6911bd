package org.devicelink.server.web;

import java.net.URI;
import java.util.List;

/**
 * The identity provider the approval page signs people in with when it is not the local one (Entra ID in production):
 * an OpenID Connect issuer found by discovery, the page's client registration there, and the API scope to ask for.
 * Its access tokens must come from an issuer the server trusts ({@code trust.NAME.*}), like the app's.
 *
 * @param clientSecret empty for a public client (PKCE alone); Entra's "Web" platform gives the page one
 */
public record WebProvider(String authority, String clientId, String clientSecret, String scope) {

    public WebProvider {
        URI uri;
        try {
            uri = URI.create(authority);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting 'web.authority' is not a URL: " + authority);
        }
        boolean loopback = uri.getHost() != null && List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("Setting 'web.authority' must be an https URL (http only on this computer's loopback), got "
                    + authority);
        }
        if (clientId.isBlank() || scope.isBlank()) {
            throw new IllegalArgumentException("The approval page's sign-in needs web.client-id and web.scope besides web.authority");
        }
        authority = authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority;
    }
}
