package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.devicelink.code.UserCode;
import org.devicelink.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Support staff over real HTTPS, on H2 and PostgreSQL: they verify a code and read its story, get a near-miss hint
 * that names no code, see a customer's devices only with a reason the customer then sees, change nothing, are
 * audited in a table nobody can rewrite, and are held to their own limit.
 */
abstract class SupportContract extends ServerContract {

    static final String CONSOLE = "demo-console";

    String alex;
    String riley;

    @BeforeEach
    void start() {
        start(Map.of());
        signIn();
    }

    /** Alex's and Riley's apps sign in: their tokens last ten minutes of the server's time. */
    void signIn() {
        alex = fixture.issuer.token("alex", "Alex Morgan");
        riley = fixture.issuer.token("riley", "Riley Quinn", b -> b.claim("roles", List.of("support")));
    }

    JsonNode startCode(String name) {
        var response = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", name, "device_model",
                "Switch"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Http.Response poll(JsonNode code) {
        return http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", code.path("device_code").asText()));
    }

    Http.Response lookUp(String code) {
        return http().get("/api/v1/support/codes/" + code, riley);
    }

    static List<String> whats(JsonNode story) {
        var whats = new ArrayList<String>();
        story.path("events").forEach(e -> whats.add(e.path("what").asText()));
        return whats;
    }

    @Test
    void aCodeIsToldValidThenItsWholeStoryWithMaskedNamesAndTheCustomerSeesTheLookup() {
        var code = startCode("Living-room Switch");
        String userCode = code.path("user_code").asText();
        var waiting = lookUp(userCode);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
        assertThat(waiting.json().path("valid").asBoolean()).isTrue();
        assertThat(waiting.json().path("status").asText()).isEqualTo("waiting");
        assertThat(waiting.json().path("deviceName").asText()).isEqualTo("Living-room Switch");
        assertThat(whats(waiting.json())).containsExactly("issued");

        assertThat(http().get("/api/v1/links/" + userCode, alex).status()).isEqualTo(200);
        assertThat(http().post("/api/v1/links/" + userCode + "/approve", alex, "{}").status()).isEqualTo(200);
        assertThat(poll(code).status()).isEqualTo(200);

        var story = lookUp(userCode.toLowerCase().replace("-", "%20")).json(); // as a customer reads it out
        assertThat(story.path("valid").asBoolean()).as("used: no longer valid").isFalse();
        assertThat(story.path("status").asText()).isEqualTo("linked");
        assertThat(whats(story)).containsExactly("issued", "looked-up", "approved", "collected");
        assertThat(story.path("events").get(2).path("by").asText()).isEqualTo("A. M.");
        assertThat(story.toString()).doesNotContain("Alex").doesNotContain("Morgan");
        String customer = story.path("customerId").asText();
        assertThat(customer).isNotBlank();

        var activity = http().get("/api/v1/activity", alex).json();
        assertThat(activity.get(0).path("kind").asText()).as("the customer sees support looked").isEqualTo("viewed-by-support");
    }

    @Test
    void aMistypedCodeGetsAHintThatAWaitingCodeIsOneSlipAwayButNeverWhich() {
        String real = startCode("Console").path("user_code").asText();
        UserCode code = ((UserCode.Parsed.Valid) UserCode.parse(real)).code();
        String misread = code.neighbours().iterator().next().display();
        var near = lookUp(misread);
        assertThat(near.status()).as(near.body()).isEqualTo(200);
        assertThat(near.json().path("status").asText()).isEqualTo("not-found");
        assertThat(near.json().path("nearMiss").asBoolean()).isTrue();
        assertThat(near.body()).as("the hint names no code").doesNotContain(real).doesNotContain(code.value());

        String far = code.value().equals("BBBBBBBB") ? "CCCC-CCCC" : "BBBB-BBBB";
        assertThat(lookUp(far).json().path("nearMiss").asBoolean()).isFalse();
        var typo = lookUp("WDJB-MJH0");
        assertThat(typo.status()).as("not a code at all: said at once, like the companion").isEqualTo(400);
        assertThat(typo.problem()).isEqualTo("code-invalid");
    }

    /** A code support just verified cannot be looked up, approved or denied by the support account: it stays the customer's. */
    @Test
    void supportNeverDecidesALink() {
        var code = startCode("Customer's Switch");
        String userCode = code.path("user_code").asText();
        assertThat(lookUp(userCode).json().path("valid").asBoolean()).isTrue();

        for (var refused : List.of(http().get("/api/v1/links/" + userCode, riley),
                http().post("/api/v1/links/" + userCode + "/approve", riley, "{}"),
                http().post("/api/v1/links/" + userCode + "/deny", riley, "{}"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.problem()).isEqualTo("support-cannot-link");
        }
        assertThat(poll(code).json().path("error").asText()).isEqualTo("authorization_pending");
        assertThat(http().post("/api/v1/links/" + userCode + "/approve", alex,
                "{}").status()).as("still the customer's to approve").isEqualTo(200);
    }

    /**
     * Launch-day finding 5: from one misread letter, a walk (change one position at a time and watch the hint, then try
     * the letters there) found the waiting code in 9 to 25 lookups. Now the hint is given once around a code and only
     * two re-reads near it are answered: the walk never finds it within the hour's 30 lookups. A customer who reads
     * the code again still gets through.
     */
    @Test
    void aWalkFromAMisreadLetterNeverFindsTheCode() {
        String alphabet = UserCode.ALPHABET;
        String real = ((UserCode.Parsed.Valid) UserCode.parse(startCode("Console").path("user_code").asText())).code().value();
        char[] misread = real.toCharArray();
        misread[7] = alphabet.charAt((alphabet.indexOf(real.charAt(7)) + 1) % 20); // the customer's last letter, misheard
        String start = new String(misread);
        assertThat(lookUp(start).json().path("nearMiss").asBoolean()).as("the first lookup gets the hint").isTrue();

        // the walk: one letter changed per position until the hint says which position is wrong, then every letter there
        var answers = new ArrayList<String>();
        BiFunction<Integer, Integer, String> look = (position, shift) -> {
            char[] tried = start.toCharArray();
            tried[position] = alphabet.charAt((alphabet.indexOf(start.charAt(position)) + shift) % 20);
            var answer = lookUp(new String(tried));
            String said = answer.status() != 200 ? answer.problem()
                    : answer.json().path("status").asText() + (answer.json().path("nearMiss").asBoolean() ? "+hint" : "");
            answers.add(said);
            return said;
        };
        int wrongAt = -1;
        for (int position = 0; position < 8 && wrongAt < 0; position++) {
            if (look.apply(position, 1).equals("not-found+hint")) {
                wrongAt = position;
            }
        }
        for (int position = wrongAt < 0 ? 0 : wrongAt; answers.size() < 29 && !answers.contains("waiting"); position = (position + 1) % 8) {
            for (int shift = 2; shift < 20 && answers.size() < 29 && !answers.contains("waiting"); shift++) {
                look.apply(position, shift);
            }
        }
        assertThat(answers).as("the walk's answers").doesNotContain("waiting").noneMatch(a -> a.endsWith("+hint"));
        assertThat(answers.subList(2, answers.size())).as("past two re-reads, nothing near is answered").containsOnly("support-limit");

        // an honest call: another code misread, then read again
        String other = ((UserCode.Parsed.Valid) UserCode.parse(startCode("Other console").path("user_code").asText())).code().value();
        String misheard = (other.charAt(0) == 'B' ? "C" : "B") + other.substring(1);
        String rileysColleague = fixture.issuer.token("jo", "Jo Support", b -> b.claim("roles", List.of("support")));
        assertThat(http().get("/api/v1/support/codes/" + misheard, rileysColleague).json().path("nearMiss").asBoolean()).isTrue();
        assertThat(http().get("/api/v1/support/codes/" + other, rileysColleague).json().path("status").asText()).isEqualTo("waiting");
    }

    @Test
    void onlySupportMayLookAndSupportChangesNothing() {
        var code = startCode("Console");
        String userCode = code.path("user_code").asText();
        assertThat(http().post("/api/v1/links/" + userCode + "/approve", alex, "{}").status()).isEqualTo(200);
        String device = http().get("/api/v1/devices", alex).json().get(0).path("id").asText();

        var notSupport = http().get("/api/v1/support/codes/" + userCode, alex);
        assertThat(notSupport.status()).isEqualTo(403);
        assertThat(notSupport.problem()).isEqualTo("support-only");
        String customer = lookUp(userCode).json().path("customerId").asText();
        assertThat(http().post("/api/v1/support/accounts/" + customer + "/devices", alex, "{\"reason\":\"Customer called about it\"}")
                .problem()).isEqualTo("support-only");

        assertThat(http().patch("/api/v1/devices/" + device, riley, "{\"name\":\"Mine now\"}").status()).isEqualTo(404);
        assertThat(http().delete("/api/v1/devices/" + device, riley).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("name").asText()).isEqualTo("Console");
    }

    @Test
    void aCustomersDevicesNeedAWrittenReasonWhichTheCustomerSeesAndTheAuditKeepsForGood() {
        var code = startCode("Console");
        assertThat(http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, "{}").status()).isEqualTo(200);
        String customer = lookUp(code.path("user_code").asText()).json().path("customerId").asText();
        String path = "/api/v1/support/accounts/" + customer + "/devices";

        for (String body : List.of("{}", "{\"reason\":\"why\"}", "{\"reason\":\"" + "x".repeat(501) + "\"}",
                "{\"reason\":\"bad\\u0007 control text\"}")) {
            var refused = http().post(path, riley, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().path("detail").asText()).contains("Write why");
        }
        var seen = http().post(path, riley, "{\"reason\":\"Customer says the console keeps asking to sign in\"}");
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json()).hasSize(1);
        var activity = http().get("/api/v1/activity", alex).json();
        assertThat(activity.get(0).path("kind").asText()).isEqualTo("viewed-by-support");
        assertThat(activity.get(0).path("detail").asText()).isEqualTo("Customer says the console keeps asking to sign in");

        var audit = fixture.query("SELECT action, reason FROM support_audit ORDER BY at");
        assertThat(audit).extracting(row -> row.get("action")).containsExactly("code-lookup", "account-devices");
        assertThat(fixture.everythingStored()).as("the audit, like every table, holds no code")
                .doesNotContain(code.path("user_code").asText()).doesNotContain(code.path("user_code").asText().replace("-", ""));
        assertThatThrownBy(() -> fixture.update("UPDATE support_audit SET reason = 'nothing to see'"))
                .as("the audit cannot be rewritten").hasMessageContaining("insert-only");
        assertThatThrownBy(() -> fixture.update("DELETE FROM support_audit")).hasMessageContaining("insert-only");
        assertThat(fixture.query("SELECT reason FROM support_audit WHERE action = 'account-devices'").get(0).get("reason"))
                .isEqualTo("Customer says the console keeps asking to sign in");
    }

    @Test
    void supportLookupsCountAgainstTheirOwnLimit() {
        for (int i = 0; i < 30; i++) {
            assertThat(lookUp("BBBB-BBBB").status()).isEqualTo(200);
        }
        var limited = lookUp("BBBB-BBBB");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problem()).isEqualTo("support-limit");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(http().get("/api/v1/links/BBBB-BBBB", alex).status()).as("a customer's own lookups are not held back").isEqualTo(404);
        fixture.clock.advance(Duration.ofHours(1));
        signIn(); // an hour on, Riley's app has a new token
        assertThat(lookUp("BBBB-BBBB").status()).isEqualTo(200);
    }
}
