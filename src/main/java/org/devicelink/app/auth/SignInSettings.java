package org.devicelink.app.auth;

import java.nio.file.Path;
import java.util.Set;
import org.devicelink.protocol.LocalSignIn;

/**
 * Which identity provider the companion signs in with.
 *
 * @param authority          the local provider's {@code https://host:port/idp}, or an Entra ID authority
 *                           ({@code https://login.microsoftonline.com/TENANT/})
 * @param oidc               true for a generic OpenID provider (the local one), false for Entra ID
 * @param scopes             the link server API's scope(s) the access token must carry
 * @param trustedCertificate the one certificate to trust (the local server's), or null for the system's trust store
 */
public record SignInSettings(String authority, boolean oidc, String clientId, Set<String> scopes, Path trustedCertificate) {

    /** The embedded default: the link server's own provider, trusted by its certificate alone. */
    public static SignInSettings local(String serverBaseUrl, Path serverCertificate) {
        return new SignInSettings(LocalSignIn.authority(serverBaseUrl), true, LocalSignIn.CLIENT_ID,
                Set.of(LocalSignIn.API_SCOPE), serverCertificate);
    }

    /** Production: Microsoft Entra ID, with the API scope of the link server's app registration. */
    public static SignInSettings entra(String authority, String clientId, String apiScope) {
        return new SignInSettings(authority, false, clientId, Set.of(apiScope), null);
    }
}
