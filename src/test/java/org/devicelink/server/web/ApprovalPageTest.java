package org.devicelink.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.Databases;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.ScriptedBrowser;
import org.devicelink.testing.WebFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval page without JavaScript: plain HTTPS with a cookie jar, as a browser with scripts off (or a phone's
 * simplest browser) meets it. A real server, the local provider's real sign-in, a real device polling for its tokens.
 */
class ApprovalPageTest {

    static final String CONSOLE = "demo-console";

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    ScriptedBrowser browser;

    @BeforeEach
    void start() {
        fixture = new LinkServerFixture(database(), dir.resolve("server"), Map.of());
        browser = new ScriptedBrowser(fixture.server().certificateFile());
    }

    /** H2 here; {@link ApprovalPageOnPostgresTest} runs every case on PostgreSQL. */
    Databases database() {
        return Databases.H2;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void thePhoneOpensTheQrsAddressSignsInApprovesAndTheDeviceGetsItsTokens() throws Exception {
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Living-room TV", "Bravia 55", null);
        var tokens = CompletableFuture.supplyAsync(() -> WebFlows.tokens(device, code));

        var first = browser.open(URI.create(code.verificationUriComplete()));
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.raw().headers().firstValue("Location")).as("the code leaves the address at once").hasValue("/link");
        var signIn = follow(first);
        assertThat(signIn.body()).contains(code.userCode()).contains("href=\"/link/signin\"");

        var confirm = signInAs("alex", signIn);
        assertThat(confirm.uri().toString()).doesNotContain(code.userCode()).doesNotContain(code.userCode().replace("-", ""));
        assertThat(confirm.body()).contains("Link Living-room TV to your account?").contains(code.userCode()).contains("Bravia 55")
                .contains("It will be allowed to")
                .contains("Signed in as").contains("name=\"csrf\"");
        var linked = decide(confirm, "approve", Map.of());
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.body()).contains("Living-room TV is linked").contains("Manage your devices in the DeviceLink app");
        assertThat(tokens.get().accessToken()).isNotEmpty();
        assertThat(fixture.everythingStored()).as("digests only").doesNotContain(code.userCode().replace("-", ""));
    }

    /**
     * RFC 10027's device-code phishing through the page: an attacker's page opens {@code /link?code=ATTACKER} in a
     * pop-up that closes at once. The planted code is never kept for later nor shown ready to approve; checked
     * explicitly against the device, it goes on as a typed code would.
     */
    @Test
    void aCodeAnotherSiteOpensIsNeverReadyToApproveNorKept() throws Exception {
        var attacker = fixture.device(CONSOLE);
        DeviceAuthorization planted = attacker.requestCode("Living-room TV", null, null);
        var codeForm = signInAs("alex", follow(browser.open(URI.create(fixture.server().baseUrl() + "/link"))));

        var popUp = browser.openFrom("cross-site", URI.create(planted.verificationUriComplete()));
        assertThat(popUp.status()).isEqualTo(200);
        assertThat(popUp.raw().headers().allValues("Set-Cookie")).as("nothing kept for later").isEmpty();
        assertThat(popUp.body()).contains("Is this the code on your device?").contains(planted.userCode())
                .doesNotContain("value=\"approve\"");

        var later = browser.open(URI.create(fixture.server().baseUrl() + "/link"));
        assertThat(later.body()).as("the victim opens the page to link their own TV").contains("name=\"code\" type=\"text\" value=\"\"")
                .doesNotContain(planted.userCode()).doesNotContain("value=\"approve\"");

        var checked = follow(browser.post(popUp.formAction(), popUp.hiddenFields()));
        assertThat(checked.body()).as("after the explicit check, as if typed").contains("Link Living-room TV to your account?");

        var signedOut = new ScriptedBrowser(fixture.server().certificateFile());
        var signIn = signedOut.openFrom("cross-site", URI.create(planted.verificationUriComplete()));
        assertThat(signIn.body()).doesNotContain(planted.userCode());
        assertThat(signInWith(signedOut, "sam", signIn).body()).contains("Type the code shown").doesNotContain(planted.userCode());
        assertThat(fixture.query("SELECT status FROM pending_links").getFirst().get("status")).isEqualTo("pending");
    }

    /** Navigations another site makes to made-up codes look nothing up: the person's own code still links afterwards. */
    @Test
    void navigationsToMadeUpCodesCountAsWrongCodesAgainstNobody() throws Exception {
        signInAs("alex", follow(browser.open(URI.create(fixture.server().baseUrl() + "/link"))));
        for (String madeUp : new String[] {"BCDF-GHJK", "BCDF-GHJL", "BCDF-GHJM", "BCDF-GHJN", "BCDF-GHJP", "BCDF-GHJQ", "BCDF-GHJR",
                "BCDF-GHJS", "BCDF-GHJT", "BCDF-GHJV"}) {
            var page = WebFlows.follow(browser, browser.openFrom("cross-site", URI.create(fixture.server().baseUrl() + "/link?code="
                    + madeUp)));
            assertThat(page.status()).isEqualTo(200);
        }
        var device = fixture.device(CONSOLE);
        DeviceAuthorization mine = device.requestCode("My TV", null, null);
        var confirm = follow(browser.open(URI.create(mine.verificationUriComplete())));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Link My TV to your account?");
        assertThat(fixture.query("SELECT COUNT(*) AS n FROM activity WHERE kind = 'locked-out'").getFirst().get("n").toString())
                .isEqualTo("0");
    }

    /** The QR's code is kept across the sign-in, shown once, then lives only in the page's forms; Enter denies. */
    @Test
    void theQrsCodeIsShownOnceAndEnterDenies() throws Exception {
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("TV", null, null);
        var confirm = signInAs("alex", follow(browser.open(URI.create(code.verificationUriComplete()))));
        assertThat(confirm.body()).contains("Link TV to your account?");
        String form = confirm.body().substring(confirm.body().indexOf("action=\"/link/decide\""));
        assertThat(form.indexOf("value=\"deny\"")).as("the form's first button, the one Enter presses, denies")
                .isPositive().isLessThan(form.indexOf("value=\"approve\""));
        var again = browser.open(URI.create(fixture.server().baseUrl() + "/link"));
        assertThat(again.body()).contains("Type the code shown").doesNotContain(code.userCode());
    }

    @Test
    void aTypedCodeWithATypoGetsTheHintAndNothingIsLost() throws Exception {
        var codeForm = signInAs("alex", follow(browser.open(URI.create(fixture.server().baseUrl() + "/link"))));
        assertThat(codeForm.body()).contains("name=\"code\"").contains("data-vowel=");
        var typo = browser.post(codeForm.formAction(), Map.of("csrf", codeForm.hiddenFields().get("csrf"), "code", "WDJB-MJH0"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("Codes have no digits, so &quot;0&quot; cannot be in a code").contains("value=\"WDJB-MJH0\"");

        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Switch", null, null);
        var typed = browser.post(codeForm.formAction(), Map.of("csrf", codeForm.hiddenFields().get("csrf"), "code",
                code.userCode().toLowerCase()));
        assertThat(typed.status()).isEqualTo(303);
        assertThat(follow(typed).body()).contains("Link Switch to your account?");
    }

    @Test
    void denyAndIDidntStartThisTellTheDeviceNo() throws Exception {
        var confirm = signInAs("alex", follow(browser.open(URI.create(fixture.server().baseUrl() + "/link"))));
        for (String action : new String[] {"deny", "report"}) {
            var device = fixture.device(CONSOLE);
            DeviceAuthorization code = device.requestCode("Stranger's box", null, null);
            var shown = follow(browser.post(URI.create(fixture.server().baseUrl() + "/link/code"),
                    Map.of("csrf", confirm.hiddenFields().get("csrf"), "code", code.userCode())));
            var decided = decide(shown, action, Map.of());
            assertThat(decided.body()).contains(action.equals("deny") ? "Request denied" : "Denied and reported");
            assertThat(WebFlows.refusal(device, code)).isEqualTo("access_denied");
        }
    }

    @Test
    void anExpiredCodeSaysSo() throws Exception {
        signInAs("alex", follow(browser.open(URI.create(fixture.server().baseUrl() + "/link"))));
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Old TV", null, null);
        fixture.clock.advance(Duration.ofMinutes(11)); // the sign-in lasts 30
        var page = follow(browser.open(URI.create(code.verificationUriComplete())));
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("This code has expired. Ask the device for a new code.").contains("name=\"code\"");
    }

    @Test
    void aChildsApprovalWaitsForAParent() throws Exception {
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Kid's Switch", null, null);
        var tokens = CompletableFuture.supplyAsync(() -> WebFlows.tokens(device, code));
        var confirm = signInAs("sam", follow(browser.open(URI.create(code.verificationUriComplete()))));
        assertThat(confirm.body()).doesNotContain("Link to"); // a child chooses no one
        var waiting = decide(confirm, "approve", Map.of());
        assertThat(waiting.status()).isEqualTo(303);
        var status = follow(waiting);
        // read again by the page's script, and by a link without it: never by a meta refresh, which axe counts as a failure
        assertThat(status.body()).contains("is waiting for a parent").contains("data-check-every=\"5\"").contains(">Check now</a>")
                .doesNotContain("http-equiv");

        // the parent decides in their own browser: their link page lists the request
        var parent = new ScriptedBrowser(fixture.server().certificateFile());
        String request = waiting.raw().headers().firstValue("Location").orElseThrow();
        var parentPage = signInWith(parent, "alex", WebFlows.follow(parent, parent.open(URI.create(fixture.server().baseUrl() + "/link"))));
        assertThat(parentPage.body()).contains("Your child asks to link a device").contains("href=\"" + request + "\"");
        var decision = parent.open(URI.create(fixture.server().baseUrl() + request));
        assertThat(decision.body()).contains("asks to link Kid&#39;s Switch");
        var fields = new HashMap<>(decision.hiddenFields());
        fields.put("action", "approve");
        var approved = parent.post(decision.formAction(), fields);
        assertThat(approved.body()).contains("is linked to your child");
        assertThat(tokens.get().accessToken()).isNotEmpty();
        assertThat(follow(browser.open(URI.create(fixture.server().baseUrl()
                + request))).body()).contains("A parent approved Kid&#39;s Switch");
    }

    @Test
    void formsCarryTheirSessionsTokenAndNothingElseWillDo() throws Exception {
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("TV", null, null);
        var confirm = signInAs("alex", follow(browser.open(URI.create(code.verificationUriComplete()))));
        var fields = confirm.hiddenFields();

        var missing = new HashMap<>(fields);
        missing.remove("csrf");
        missing.put("action", "approve");
        assertThat(browser.post(URI.create(fixture.server().baseUrl() + "/link/decide"), missing).status()).isEqualTo(403);

        var other = new ScriptedBrowser(fixture.server().certificateFile());
        var otherForm = signInWith(other, "sam", WebFlows.follow(other, other.open(URI.create(fixture.server().baseUrl() + "/link"))));
        var foreign = new HashMap<>(fields);
        foreign.put("csrf", otherForm.hiddenFields().get("csrf"));
        foreign.put("action", "approve");
        var refused = browser.post(URI.create(fixture.server().baseUrl() + "/link/decide"), foreign);
        assertThat(refused.status()).as("another session's token").isEqualTo(403);
        assertThat(refused.body()).contains("nothing was done");

        // signed out, the same form replayed does nothing
        browser.post(URI.create(fixture.server().baseUrl() + "/link/signout"), Map.of("csrf", fields.get("csrf")));
        var replay = new HashMap<>(fields);
        replay.put("action", "approve");
        var replayed = browser.post(URI.create(fixture.server().baseUrl() + "/link/decide"), replay);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.body()).contains("Your sign-in on this page has ended");
        assertThat(fixture.query("SELECT status FROM pending_links").getFirst().get("status")).isEqualTo("pending");
    }

    /** Launch-day finding 4: a removed account's page session kept linking for up to 30 minutes. */
    @Test
    void aRemovedAccountsPageSessionEndsAtOnce() throws Exception {
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("TV", null, null);
        var confirm = signInAs("alex", follow(browser.open(URI.create(code.verificationUriComplete()))));
        assertThat(confirm.body()).contains("Link TV to your account?");
        fixture.update("DELETE FROM local_users WHERE username = 'alex'"); // what `server accounts remove alex` runs
        var approved = decide(confirm, "approve", Map.of());
        assertThat(approved.status()).isEqualTo(401);
        assertThat(approved.body()).contains("Your sign-in on this page has ended");
        assertThat(fixture.query("SELECT status FROM pending_links").getFirst().get("status")).isEqualTo("pending");
    }

    /**
     * No path here holds a NUL ({@code %00}): Jetty answers one with 400 and "Connection: close" before reading the body,
     * and Java's HTTP client then failed its next request (one run in five of 25 repeats, "received no bytes"). That is
     * the client's trouble, not the server's: {@code FuzzIT} sends such paths over connections of its own.
     */
    @Test
    void fuzzedFormsFromASignedInBrowserGetA4xxAndChangeNothing() throws Exception {
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("TV", null, null);
        var confirm = signInAs("alex", follow(browser.open(URI.create(code.verificationUriComplete()))));
        String csrf = confirm.hiddenFields().get("csrf");
        var random = new Random(20261203L);
        var statuses = new TreeMap<Integer, Integer>();
        var pageRefusals = new TreeMap<String, Integer>();
        for (int i = 0; i < 400; i++) {
            String path = pick(random, "/link/code", "/link/decide", "/link/requests/" + pick(random,
                    "3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b",
                    "x", "..") + "/decide");
            var fields = new HashMap<String, String>();
            fields.put("csrf", random.nextInt(10) == 0 ? junk(random) : csrf);
            fields.put("code", pick(random, junk(random), junk(random), "WDJB-MJH" + (char) ('A' + random.nextInt(26)), ""));
            fields.put("action", pick(random, "approve", "deny", "report", "decline", junk(random)));
            fields.put("account", pick(random, "me", junk(random), "3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b"));
            var answer = browser.post(URI.create(fixture.server().baseUrl() + path), fields);
            int status = answer.status();
            statuses.merge(status, 1, Integer::sum);
            if (status == 400 || status == 403) { // the page's own refusal, in its own words: the junk reached our code
                assertThat(answer.body()).as(path + " " + fields).contains("<main>").contains("DeviceLink");
                pageRefusals.merge(path.startsWith("/link/requests/") ? "/link/requests/…" : path, 1, Integer::sum);
            }
            assertThat(status).as(path + " " + fields).isBetween(200, 499);
            assertThat(status).as("only a well-formed code is kept (303), and then nothing is decided").isNotEqualTo(200);
        }
        assertThat(statuses).as("answers by status").containsKeys(400, 403, 404);
        assertThat(pageRefusals).as("refused by the page itself, on each of its forms")
                .allSatisfy((form, count) -> assertThat(count).isGreaterThan(10)).containsKeys("/link/code", "/link/decide");
        assertThat(fixture.query("SELECT status FROM pending_links").getFirst().get("status")).isEqualTo("pending");
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    /** Text of any length and any characters: controls, surrogates, direction marks, punctuation. */
    private static String junk(Random random) {
        var text = new StringBuilder();
        int length = random.nextInt(random.nextBoolean() ? 12 : 300);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0xD800 + random.nextInt(0x800));
                case 2 -> "\u202E-%&=+;".charAt(random.nextInt(7));
                default -> (char) (0x20 + random.nextInt(0x3000));
            });
        }
        return text.toString();
    }

    // --- helpers: a person's steps, as a browser without scripts takes them

    private ScriptedBrowser.Page follow(ScriptedBrowser.Page redirect) {
        return WebFlows.follow(browser, redirect);
    }

    /** From a page offering "Sign in": through the local provider's login and back, to the page that follows. */
    private ScriptedBrowser.Page signInAs(String username, ScriptedBrowser.Page signInPage) {
        return signInWith(browser, username, signInPage);
    }

    private ScriptedBrowser.Page signInWith(ScriptedBrowser with, String username, ScriptedBrowser.Page signInPage) {
        assertThat(signInPage.body()).contains("href=\"/link/signin\"");
        var login = WebFlows.follow(with, with.open(signInPage.uri().resolve("/link/signin")));
        assertThat(login.body()).contains("to approve a device in this browser");
        return WebFlows.follow(with, with.submit(login, username, "link-demo", "signin"));
    }

    private ScriptedBrowser.Page decide(ScriptedBrowser.Page confirm, String action, Map<String, String> more) {
        var fields = new HashMap<>(confirm.hiddenFields());
        fields.put("action", action);
        fields.putAll(more);
        return browser.post(URI.create(fixture.server().baseUrl() + "/link/decide"), fields);
    }

}
