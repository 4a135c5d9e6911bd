package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.LoginPages;
import org.devicelink.testing.ScriptedBrowser;
import org.junit.jupiter.api.Test;

/**
 * The findings of the security review where the database matters, each kept closed by the test named after it: on
 * H2 (embedded default) and PostgreSQL (scale-out), like the device-flow contract.
 */
abstract class SecurityContract extends ServerContract {

    static final String CONSOLE = "demo-console";

    LinkServerFixture server(Map<String, String> settings) {
        return start(settings);
    }

    String token(String who) {
        return fixture.issuer.token(who + "-subject", who);
    }

    JsonNode startCode(String name) {
        var response = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", name));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Http.Response lookUp(String code, String token) {
        return http().get("/api/v1/links/" + code, token);
    }

    /** Wrong codes of the right form: none is waiting, all of them count. */
    static String wrongCode(int i) {
        String letters = "BCDFGHJKLMNPQRSTVWXZ";
        return "BBBB-" + letters.charAt(i % 20) + letters.charAt(i / 20 % 20) + "BB";
    }

    /**
     * Launch-day finding 3: one account opened 200 event streams and exhausted the server's file handles. An account
     * holds a few (a new one ends its oldest); a node holds a set number, then says when to come back.
     */
    @Test
    void eventStreamsAreBoundedPerAccountAndPerNode() throws Exception {
        server(Map.of("events.per-account", "3", "events.max", "5"));
        String alex = token("alex");
        var streams = new ArrayList<HttpResponse<Stream<String>>>();
        var ended = new ArrayList<CompletableFuture<Long>>();
        for (int i = 0; i < 6; i++) {
            var stream = http().events(alex);
            assertThat(stream.statusCode()).isEqualTo(200);
            streams.add(stream);
            ended.add(CompletableFuture.supplyAsync(() -> stream.body().count()));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(ended.get(i).get(10, TimeUnit.SECONDS)).as("the account's oldest stream %d was ended", i).isPositive();
        }
        assertThat(ended.subList(3, 6)).noneMatch(CompletableFuture::isDone);
        assertThat(fixture.server().openStreams()).isEqualTo(3);

        String bob = token("bob");
        assertThat(http().events(bob).statusCode()).isEqualTo(200);
        assertThat(http().events(token("carol")).statusCode()).isEqualTo(200);
        var full = http().send(http().request("/api/v1/events").header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token("dana")));
        assertThat(full.status()).as("the node's five are open").isEqualTo(503);
        assertThat(full.problem()).isEqualTo("too-many-streams");
        assertThat(full.header("Retry-After")).isEqualTo("60");
        streams.forEach(s -> s.body().close());
    }

    @Test
    void finding5_aLockoutShorterThanTheWindowStillHoldsTheWholeWindow() {
        server(Map.of("limit.account-failures", "3", "limit.window", "900", "limit.lockout", "5", "code.lifetime", "3600"));
        String alex = token("alex");
        String real = startCode("Console").path("user_code").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(lookUp(wrongCode(i), alex).status()).isEqualTo(404);
        }
        var locked = lookUp(real, alex);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).as("until the window ends, not 5 s").isBetween(890L, 901L);
        fixture.clock.advance(Duration.ofSeconds(6));
        for (int i = 3; i < 10; i++) {
            assertThat(lookUp(wrongCode(i), alex).status()).as("a guess after the 5-s lockout").isEqualTo(429);
        }
        fixture.clock.advance(Duration.ofSeconds(900));
        assertThat(lookUp(real, token("alex")).status()).as("a new window (and a new token: the first is 15 minutes old)")
                .isEqualTo(200);
    }

    @Test
    void finding6_concurrentWrongCodesCannotOvershootTheLimit() throws Exception {
        server(Map.of("limit.account-failures", "5"));
        String alex = token("alex");
        List<Supplier<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            guesses.add(() -> lookUp(wrongCode(n), alex).status());
        }
        @SuppressWarnings("unchecked")
        List<Integer> statuses = DeviceFlowContract.race(guesses.toArray(Supplier[]::new));
        assertThat(statuses.stream().filter(s -> s == 404).count()).as("guesses judged").isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(15);
    }

    @Test
    void finding6_concurrentWrongPasswordsCannotOvershootTheLimit() throws Exception {
        server(Map.of("local-issuer.login-failures", "5"));
        var browsers = new ArrayList<Supplier<Integer>>();
        for (int i = 0; i < 8; i++) {
            browsers.add(() -> {
                var browser = new ScriptedBrowser(fixture.server().certificateFile());
                var login = browser.open(LoginPages.authorize(fixture.server().baseUrl()));
                return browser.submit(login, "alex", "wrong password", "signin").status();
            });
        }
        @SuppressWarnings("unchecked")
        List<Integer> statuses = DeviceFlowContract.race(browsers.toArray(Supplier[]::new));
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("passwords checked").isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(3);
    }

    @Test
    void finding9_aCodeThatExpiresApprovedButUncollectedLeavesNoLinkedDevice() {
        server(Map.of("devices.max-per-account", "1"));
        String alex = token("alex");
        JsonNode code = startCode("Never collected");
        assertThat(http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, "{}").status()).isEqualTo(200);
        fixture.clock.advance(Duration.ofSeconds(601));
        var devices = http().get("/api/v1/devices", alex).json();
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).path("status").asText()).isEqualTo("unlinked");
        // it does not count toward the limit: another device links
        JsonNode next = startCode("Next");
        assertThat(http().post("/api/v1/links/" + next.path("user_code").asText() + "/approve", alex, "{}").status()).isEqualTo(200);
        var poll = http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", code.path("device_code").asText()));
        assertThat(poll.oauthError()).isEqualTo("expired_token");
    }

    @Test
    void finding12_anIpv6NetworkCountsAsOneAddressBlock() {
        server(Map.of("trust-proxy", "true", "local-issuer.demo-accounts", "false", "limit.account-failures", "100",
                "limit.address-failures", "3"));
        for (int i = 0; i < 3; i++) {
            // a different address of the same /64 each time, and a different account: still one block
            assertThat(lookUpFrom("2001:db8:1:2::" + (i + 1), wrongCode(i), token("guesser" + i)).status()).isEqualTo(404);
        }
        assertThat(lookUpFrom("2001:db8:1:2:ffff::9", wrongCode(9), token("guesser9")).status()).isEqualTo(429);
        assertThat(lookUpFrom("2001:db8:1:3::1", wrongCode(10), token("guesser10")).status()).as("the next /64").isEqualTo(404);
    }

    @Test
    void finding12_ipv4AddressesCountByTheConfiguredPrefix() {
        server(Map.of("trust-proxy", "true", "local-issuer.demo-accounts", "false", "limit.account-failures", "100",
                "limit.address-failures", "2", "limit.ipv4-prefix", "24"));
        assertThat(lookUpFrom("198.51.100.7", wrongCode(1), token("a")).status()).isEqualTo(404);
        assertThat(lookUpFrom("198.51.100.200", wrongCode(2), token("b")).status()).isEqualTo(404);
        assertThat(lookUpFrom("198.51.100.33", wrongCode(3), token("c")).status()).isEqualTo(429);
        assertThat(lookUpFrom("198.51.101.33", wrongCode(4), token("d")).status()).isEqualTo(404);
    }

    @Test
    void anAccountHasADailyAllowanceOfWrongCodes() {
        server(Map.of("limit.account-failures", "100", "limit.account-daily-failures", "4"));
        for (int i = 0; i < 4; i++) {
            fixture.clock.advance(Duration.ofHours(1)); // patient guessing: never a burst, each with a fresh token
            assertThat(lookUp(wrongCode(i), token("alex")).status()).isEqualTo(404);
        }
        var locked = lookUp(wrongCode(5), token("alex"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).as("until the day ends").isBetween(20 * 3600L, 21 * 3600L + 1);
        assertThat(lookUp(wrongCode(6), token("bob")).status()).as("another account").isEqualTo(404);
    }

    @Test
    void anAddressBlockHasADailyAllowanceOfWrongCodes() {
        server(Map.of("limit.account-failures", "100", "limit.address-failures", "100", "limit.address-daily-failures", "3"));
        for (int i = 0; i < 3; i++) {
            fixture.clock.advance(Duration.ofHours(2));
            assertThat(lookUp(wrongCode(i), token("user" + i)).status()).isEqualTo(404); // three people on one address
        }
        var locked = lookUp(wrongCode(3), token("user3"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).as("until the block's day ends").isBetween(19 * 3600L, 20 * 3600L + 1);
    }

    @Test
    void aSurgeOfWrongCodesAcrossAccountsCutsEveryAccountsDay() {
        server(Map.of("limit.account-failures", "100", "limit.account-daily-failures", "9", "limit.all-accounts-hourly", "5"));
        for (int i = 0; i < 5; i++) {
            assertThat(lookUp(wrongCode(i), token("bot" + i)).status()).isEqualTo(404);
        }
        // the surge is on: a fresh account may try 3, not 9
        String alex = token("alex");
        for (int i = 10; i < 13; i++) {
            assertThat(lookUp(wrongCode(i), alex).status()).isEqualTo(404);
        }
        assertThat(lookUp(wrongCode(13), alex).status()).isEqualTo(429);
        fixture.clock.advance(Duration.ofMinutes(61));
        assertThat(lookUp(wrongCode(20), token("carol")).status()).as("an hour later the surge is over").isEqualTo(404);
    }

    /**
     * An access token's times are judged by the server's clock, as its codes' are: a token from before the clock moved
     * on past its ten minutes is refused as expired, and one minted now is taken. (On the system clock, the first was
     * taken and the second refused as not yet valid: a test that moved time could not sign in on the page.)
     */
    @Test
    void anAccessTokenIsJudgedByTheServersClock() {
        server(Map.of());
        String before = token("dana");
        fixture.clock.advance(Duration.ofMinutes(11));
        var late = http().get("/api/v1/devices", before);
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.json().path("detail").asText()).isEqualTo("The access token has expired: sign in again.");
        var now = http().get("/api/v1/devices", token("dana"));
        assertThat(now.status()).as(now.body()).isEqualTo(200);
    }

    private Http.Response lookUpFrom(String address, String code, String token) {
        return http().send(http().request("/api/v1/links/" + code).header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", address).GET());
    }
}
