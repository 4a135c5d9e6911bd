package org.devicelink.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.devicelink.testing.Databases;
import org.devicelink.testing.LinkServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link server trusts whatever issuer it is configured with, not just its own: here tokens minted by an
 * independent OpenID implementation (NAV's mock-oauth2-server), fetched keys and all, as Entra ID would be.
 */
class OutsideIssuerTest {

    @Test
    void tokensFromAConfiguredOutsideIssuerAreAcceptedAndKeyedByIssuerAndSubject(@TempDir Path dir) {
        var outside = new MockOAuth2Server();
        outside.start();
        try {
            String issuer = outside.issuerUrl("entra").toString();
            Map<String, String> trust = Map.of("trust.entra.issuer", issuer,
                    "trust.entra.jwks-uri", outside.jwksUrl("entra").toString(),
                    "trust.entra.audience", "api://devicelink",
                    "trust.entra.scope", "devicelink");
            try (var fixture = new LinkServerFixture(Databases.H2, dir, trust)) {
                String token = outside.issueToken("entra", "alex-at-entra", "api://devicelink",
                        Map.of("scp", "devicelink", "name", "Alex (Entra)"), 600).serialize();
                var devices = fixture.http().get("/api/v1/devices", token);
                assertThat(devices.status()).as(devices.body()).isEqualTo(200);

                // an outside provider's tokens cannot be ended early, so they must be short: an hour's is refused, saying why
                String hour = outside.issueToken("entra", "alex-at-entra", "api://devicelink", Map.of("scp", "devicelink"),
                        3600).serialize();
                var refused = fixture.http().get("/api/v1/devices", hour);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.json().path("detail").asText()).contains("live longer than this server accepts (10 minutes)");

                String otherAudience = outside.issueToken("entra", "alex-at-entra", "api://something-else",
                        Map.of("scp", "devicelink"), 600).serialize();
                assertThat(fixture.http().get("/api/v1/devices", otherAudience).status()).isEqualTo(401);
                String otherTenant = outside.issueToken("other-tenant", "alex-at-entra", "api://devicelink",
                        Map.of("scp", "devicelink"), 600).serialize();
                assertThat(fixture.http().get("/api/v1/devices", otherTenant).json().path("detail").asText()).contains("not trusted");

                // the same subject at another trusted issuer is another account: Alex here has no devices of the test issuer's Alex
                String code = fixture.http().form("/oauth2/device_authorization", Map.of("client_id", "demo-console")).json()
                        .path("user_code").asText();
                assertThat(fixture.http().post("/api/v1/links/" + code + "/approve", token, "").status()).isEqualTo(200);
                assertThat(fixture.http().get("/api/v1/devices", token).json()).hasSize(1);
                assertThat(fixture.http().get("/api/v1/devices", fixture.issuer.token("alex-at-entra", "Alex")).json()).isEmpty();
            }
        } finally {
            outside.shutdown();
        }
    }
}
