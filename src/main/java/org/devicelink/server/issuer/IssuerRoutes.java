package org.devicelink.server.issuer;

import io.javalin.config.RoutesConfig;

/** The local OpenID provider's endpoints, under {@code /idp}: discovery, keys, the login page and the token endpoint. */
public final class IssuerRoutes {

    private final LocalIssuer issuer;

    public IssuerRoutes(LocalIssuer issuer) {
        this.issuer = issuer;
    }

    public void register(RoutesConfig routes) {
        routes.get(LocalIssuer.DISCOVERY, issuer::discovery);
        routes.get(LocalIssuer.KEYS, issuer::keys);
        routes.get(LocalIssuer.AUTHORIZE, issuer::showLogin);
        routes.post(LocalIssuer.AUTHORIZE, issuer::submitLogin);
        routes.post(LocalIssuer.TOKEN, issuer::token);
    }
}
