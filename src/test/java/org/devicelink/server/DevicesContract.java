package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A linked device in its owner's hands: renamed, unlinked before or after it collects its tokens, signed out by the
 * device itself, and the account's limit.
 */
abstract class DevicesContract extends DeviceFlowSteps {

    @Test
    void ownersRenameTheirDevicesAndNobodyElseSeesOrTouchesThem() {
        server();
        linkedDevice(alex, "Console");
        String id = http().get("/api/v1/devices", alex).json().get(0).path("id").asText();
        var renamed = http().patch("/api/v1/devices/" + id, alex, "{\"name\":\"Bedroom console\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("Bedroom console");
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("name").asText()).isEqualTo("Bedroom console");
        assertThat(http().get("/api/v1/devices", bob).json()).isEmpty();
        assertThat(http().patch("/api/v1/devices/" + id, bob, "{\"name\":\"Mine now\"}").problem()).isEqualTo("device-not-found");
        assertThat(http().delete("/api/v1/devices/" + id, bob).problem()).isEqualTo("device-not-found");
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("status").asText()).isEqualTo("active");
    }

    @Test
    void anAccountCannotLinkMoreDevicesThanTheLimit() {
        server(Map.of("devices.max-per-account", "1"));
        linkedDevice(alex, "First");
        var second = approve(startCode(CONSOLE, "Second").path("user_code").asText(), alex);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problem()).isEqualTo("device-limit-reached");
        assertThat(second.json().path("detail").asText()).contains("Unlink one");
    }

    @Test
    void aDeviceUnlinkedBeforeItCollectsItsTokensIsDenied() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        var approved = approve(code.path("user_code").asText(), alex);
        assertThat(http().delete("/api/v1/devices/" + approved.json().path("id").asText(), alex).status()).isEqualTo(200);
        var poll = poll(code);
        assertThat(poll.oauthError()).isEqualTo("access_denied");
        assertThat(poll.json().path("error_description").asText()).contains("unlinked before it collected its tokens");
    }

    @Test
    void aDeviceSignsOutByRevokingItsRefreshToken() {
        server();
        JsonNode tokens = linkedDevice(alex, "Console");
        String refreshToken = tokens.path("refresh_token").asText();
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", "demo-tv", "token", refreshToken)).oauthError())
                .isEqualTo("unauthorized_client");
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", CONSOLE, "token", refreshToken)).status()).isEqualTo(200);
        assertThat(refresh(refreshToken).json().path("error_description").asText()).contains("signed out");
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("status").asText()).isEqualTo("unlinked");
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", CONSOLE, "token", "unknown")).status()).isEqualTo(200);
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", CONSOLE, "token", tokens.path("access_token").asText())).oauthError())
                .isEqualTo("unsupported_token_type");
    }
}
