package org.devicelink.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.HeadlessChromium;
import org.devicelink.testing.Inputs;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.Mails;
import org.devicelink.testing.ScriptedBrowser;
import org.devicelink.testing.WebFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The approval page in a real browser engine (Debian's Chromium, headless, trusting nothing of ours), at a phone's size
 * and a PC's, light and dark: what a person sees, its script included. The page is reached as a browser on this
 * computer reaches the embedded default, at its loopback entrance; each test fails on a certificate warning.
 */
class ApprovalPageInChromiumTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String CONSOLE = "demo-console";
    static final Path AXE = Path.of(System.getProperty("devicelink.axe",
            System.getProperty("user.home") + "/.cache/devicelink/axe/node_modules/axe-core/axe.min.js"));

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    HeadlessChromium chromium;
    String entrance;
    final List<String> violations = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Inputs.require(Files.isExecutable(HeadlessChromium.BINARY), "Debian's chromium is not installed (.ci/run installs it)");
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of());
        entrance = "http://127.0.0.1:" + fixture.server().browserPort();
        chromium = new HeadlessChromium(dir.resolve("chromium"));
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void onAPhoneTheQrsAddressSignsInAndApprovesAndTheDeviceGetsItsTokens() throws Exception {
        chromium.emulate(390, 844, true, false);
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Living-room TV", "Bravia 55", null);
        var tokens = CompletableFuture.supplyAsync(() -> WebFlows.tokens(device, code));

        var signIn = chromium.open(qrAddress(code));
        assertThat(signIn.certificateWarning()).isFalse();
        assertThat(signIn.url()).as("no code in the address after the first redirect").isEqualTo(entrance + "/link");
        assertThat(signIn.text()).contains(code.userCode()).contains("Sign in");
        String weight = chromium.evaluate(PAGE_WEIGHT);
        shot("web-signin-phone-light");

        var login = chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        assertThat(login.text()).contains("to approve a device in this browser");
        var confirm = signInAs("alex");
        assertThat(confirm.text()).contains("Link Living-room TV to your account?").contains(code.userCode()).contains("Bravia 55");
        assertThat(confirm.url()).isEqualTo(entrance + "/link");
        shot("web-confirm-phone-light");
        chromium.emulate(320, 640, true, false);
        assertThat(Integer.parseInt(chromium.evaluate("document.documentElement.scrollWidth"))).as("usable at 320 px: nothing wider")
                .isLessThanOrEqualTo(320);
        shot("web-confirm-320-light");
        chromium.emulate(390, 844, true, false);

        var linked = chromium.run("document.querySelector('button[value=approve]').click()", "is linked");
        assertThat(linked.text()).contains("Living-room TV is linked");
        shot("web-linked-phone-light");
        assertThat(tokens.get().accessToken()).isNotEmpty();

        // already signed in: the QR's address, then Approve. Two actions
        var second = fixture.device(CONSOLE);
        DeviceAuthorization next = second.requestCode("Bedroom TV", null, null);
        var nextTokens = CompletableFuture.supplyAsync(() -> WebFlows.tokens(second, next));
        long started = System.nanoTime();
        assertThat(chromium.open(qrAddress(next)).text()).contains("Link Bedroom TV to your account?");
        chromium.run("document.querySelector('button[value=approve]').click()", "is linked");
        long approvedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(nextTokens.get().accessToken()).isNotEmpty();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "web-page-figures.txt"), "first page (sign-in), as Chromium loaded it: " + weight
                + "\nQR address opened to approved, signed in, 2 actions: " + approvedMillis + " ms\n");
    }

    @Test
    void onAPcInTheDarkATypoIsExplainedAsItIsTypedAndIDidntStartThisReports() throws Exception {
        chromium.emulate(1280, 800, false, true);
        chromium.open(entrance + "/link");
        shot("web-signin-pc-dark");
        chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        var codeForm = signInAs("alex");
        assertThat(codeForm.text()).contains("Type the code shown on your console or TV");
        shot("web-code-pc-dark");

        int requestsBefore = Integer.parseInt(chromium.evaluate("performance.getEntries().length"));
        String hint = chromium.evaluate("const c = document.getElementById('code'); c.value = 'WDJB-MJH0';"
                + "c.dispatchEvent(new Event('input')); document.getElementById('code-hint').textContent");
        assertThat(hint).isEqualTo("Codes have no digits, so \"0\" cannot be in a code. Check the code on your device.");
        assertThat(chromium.evaluate("const d = document.getElementById('code'); d.value = 'WDJB-MJH5';"
                + "d.dispatchEvent(new Event('input')); document.getElementById('code-hint').textContent")).contains("Did you mean S?");
        assertThat(chromium.evaluate("const v = document.getElementById('code'); v.value = 'WADB';"
                + "v.dispatchEvent(new Event('input')); document.getElementById('code-hint').textContent")).contains("Codes have no "
                        + "vowels, so \"A\"");
        assertThat(Integer.parseInt(chromium.evaluate("performance.getEntries().length"))).as("explained before any request")
                .isEqualTo(requestsBefore);
        shot("web-typo-pc-dark");

        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Unknown box", null, null);
        var confirm = chromium.run("const t = document.getElementById('code'); t.value = '" + code.userCode().toLowerCase() + "';"
                + "t.form.submit()", "Check that the device");
        assertThat(confirm.text()).contains("Link Unknown box to your account?");
        shot("web-confirm-pc-dark");
        var reported = chromium.run("document.querySelector('button[value=report]').click()", "Denied and reported");
        assertThat(reported.text()).contains("Thanks for telling us");
        shot("web-reported-pc-dark");
        assertThat(WebFlows.refusal(device, code)).isEqualTo("access_denied");
    }

    @Test
    void onAPhoneInTheDarkDenyThenAChildWaitsForAParentWhoApprovesThenAnExpiredCode() throws Exception {
        chromium.emulate(390, 844, true, true);
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Neighbour's TV", null, null);
        chromium.open(qrAddress(code));
        chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        signInAs("alex");
        shot("web-confirm-phone-dark");
        assertThat(chromium.run("document.querySelector('button[value=deny]').click()", "Request denied").text()).contains("can ask again");
        assertThat(WebFlows.refusal(device, code)).isEqualTo("access_denied");

        // a child signs in on their phone
        chromium.run("document.querySelector('form.account button').click()", "You are signed out");
        var console = fixture.device(CONSOLE);
        DeviceAuthorization kids = console.requestCode("Kid's Switch", null, null);
        var tokens = CompletableFuture.supplyAsync(() -> WebFlows.tokens(console, kids));
        chromium.open(qrAddress(kids));
        chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        assertThat(signInAs("sam").text()).doesNotContain("Link to");
        var waiting = chromium.run("document.querySelector('button[value=approve]').click()", "waiting for a parent");
        assertThat(waiting.text()).contains("Kid's Switch is waiting for a parent");
        shot("web-waiting-phone-dark");

        // the parent approves in their own browser; the child's page, through its script, reads itself again and shows it
        var parent = new ScriptedBrowser(fixture.server().certificateFile());
        String request = waiting.url().substring(entrance.length());
        var login = WebFlows.follow(parent, parent.open(URI.create(entrance + "/link/signin")));
        WebFlows.follow(parent, parent.submit(login, "alex", "link-demo", "signin"));
        var decision = parent.open(URI.create(entrance + request));
        var fields = new HashMap<>(decision.hiddenFields());
        fields.put("action", "approve");
        assertThat(parent.post(decision.formAction(), fields).body()).contains("is linked to your child");
        var decided = chromium.run("", "A parent approved");
        assertThat(decided.text()).contains("A parent approved Kid's Switch");
        shot("web-parent-approved-phone-dark");
        assertThat(tokens.get().accessToken()).isNotEmpty();

        // last, as time moves on
        chromium.open(entrance + "/link/signin");
        signInAs("alex");
        var late = fixture.device(CONSOLE);
        DeviceAuthorization old = late.requestCode("Old TV", null, null);
        fixture.clock.advance(Duration.ofMinutes(11)); // the sign-in lasts 30
        var expired = chromium.open(qrAddress(old));
        assertThat(expired.text()).contains("This code has expired. Ask the device for a new code.");
        shot("web-expired-phone-dark");

    }

    /**
     * RFC 10027's device-code phishing, with two origins: the attacker's page (another local server, another site)
     * sends the signed-in victim's browser to the page with the attacker's code. It is never shown ready to approve nor
     * kept for later, and the victim's own QR still links in two actions.
     */
    @Test
    void aCodeAnotherSitePlantsIsNeverReadyToApproveAndTheOwnQrStillTakesTwoActions() throws Exception {
        chromium.emulate(390, 844, true, false);
        DeviceAuthorization planted = fixture.device(CONSOLE).requestCode("Living-room TV", null, null);
        chromium.open(entrance + "/link");
        chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        signInAs("alex");

        var attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><title>Free skins</title><p>Loading your prize...</p><script>location = '" + entrance + "/link?code="
                + planted.userCode() + "';</script>").getBytes(StandardCharsets.UTF_8);
        attacker.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
        try {
            chromium.open("http://localhost:" + attacker.getAddress().getPort() + "/"); // another site: localhost is not 127.0.0.1
            var landed = chromium.run("", "Is this the code on your device?");
            assertThat(landed.text()).contains("Is this the code on your device?").contains(planted.userCode());
            assertThat(landed.url()).as("the code leaves the address and the history").isEqualTo(entrance + "/link");
            assertThat(chromium.evaluate("String(document.querySelector('button[value=approve]') === null)")).isEqualTo("true");
            shot("web-planted-code-phone-light");
        } finally {
            attacker.stop(0);
        }

        var later = chromium.open(entrance + "/link");
        assertThat(later.text()).as("the victim comes to link their own TV").contains("Type the code shown")
                .doesNotContain(planted.userCode());

        var mine = fixture.device(CONSOLE);
        DeviceAuthorization own = mine.requestCode("Bedroom TV", null, null);
        var tokens = CompletableFuture.supplyAsync(() -> WebFlows.tokens(mine, own));
        assertThat(chromium.open(qrAddress(own)).text()).contains("Link Bedroom TV to your account?");
        chromium.run("document.querySelector('button[value=approve]').click()", "is linked");
        assertThat(tokens.get().accessToken()).isNotEmpty();
        assertThat(fixture.query("SELECT device_name, status FROM pending_links WHERE device_name = 'Living-room TV'").getFirst()
                .get("status"))
                .isEqualTo("pending");
    }

    /** The page in the language a person chose on it, remembered through signing in; Arabic right to left. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "ja", "ar"})
    void theConfirmationInTheLanguageChosenOnThePage(String tag) throws Exception {
        chromium.emulate(390, 844, true, false);
        DeviceAuthorization code = fixture.device(CONSOLE).requestCode("Game console", "Series S", null);
        Messages.speakOnThisThread(Locale.forLanguageTag(tag)); // what the page should say, from the same bundle
        try {
            chromium.open(entrance + "/link?lang=" + tag);
            chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", Messages.get("idp.username"));
            chromium.run("document.querySelector('[name=username]').value = 'alex';"
                    + "document.querySelector('[name=password]').value = 'link-demo';"
                    + "document.querySelector('button[value=signin]').click();", Messages.get("web.signout"));
            var confirm = chromium.open(qrAddress(code));
            assertThat(confirm.text()).contains(Messages.get("confirm.title", "Game console")).contains(code.userCode());
            assertThat(chromium.evaluate("document.documentElement.lang + ' ' + document.documentElement.dir"))
                    .isEqualTo(tag + " " + (tag.equals("ar") ? "rtl" : "ltr"));
            assertThat(chromium.evaluate("getComputedStyle(document.querySelector('.code')).direction")).isEqualTo("ltr");
            shot("web-confirm-" + tag);
        } finally {
            Messages.forgetThisThread();
        }
    }

    /**
     * axe-core (npm, the version {@code .ci/run} installs) over every state of the approval page and the sign-in page,
     * each on a phone (390×844) and a PC (1280×800), light and dark: no violation of WCAG 2.1 A or AA.
     */
    @Test
    void everyStateOfThePagesMeetsWcag21AaOnAPhoneAndAPcInLightAndDark() throws Exception {
        Inputs.require(Files.isReadable(AXE), "axe-core is not at " + AXE + " (.ci/run installs it with npm)");
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Living-room TV", "Bravia 55", null);
        chromium.open(qrAddress(code));
        audit("signed out, with the QR's code");
        chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        audit("the sign-in page");
        chromium.run("document.querySelector('[name=username]').value = 'alex';"
                + "document.querySelector('[name=password]').value = 'not-the-password';"
                + "document.querySelector('button[value=signin]').click();", "do not match");
        audit("the sign-in page with a problem");
        signInAs("alex");
        audit("confirm");
        chromium.run("document.querySelector('button[value=approve]').click()", "is linked");
        audit("linked");

        chromium.open(entrance + "/link");
        audit("the code form");
        chromium.evaluate("const c = document.getElementById('code'); c.value = 'WDJB-MJH0'; c.dispatchEvent(new Event('input')); ''");
        audit("the code form with a typo explained");
        chromium.run("document.getElementById('code').form.submit()", "Codes have no digits");
        audit("the code form refused by the server");

        DeviceAuthorization reported = fixture.device(CONSOLE).requestCode("Unknown box", null, null);
        chromium.open(qrAddress(reported));
        chromium.run("document.querySelector('button[value=report]').click()", "Denied and reported");
        audit("denied and reported");

        DeviceAuthorization late = fixture.device(CONSOLE).requestCode("Old TV", null, null);
        fixture.clock.advance(Duration.ofMinutes(11));
        chromium.open(qrAddress(late));
        audit("expired");

        chromium.run("document.querySelector('form.account button').click()", "You are signed out");
        audit("signed out");
        DeviceAuthorization kids = fixture.device(CONSOLE).requestCode("Kid's Switch", null, null);
        chromium.open(qrAddress(kids));
        chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        signInAs("sam");
        var waiting = chromium.run("document.querySelector('button[value=approve]').click()", "waiting for a parent");
        audit("waiting for a parent");

        chromium.run("document.querySelector('form.account button').click()", "You are signed out");
        chromium.open(entrance + "/link/signin");
        signInAs("alex");
        audit("a parent's list of requests");
        chromium.open(waiting.url());
        audit("a child's request, for the parent");

        assertThat(violations).as("WCAG 2.1 A/AA violations, by state and screen").isEmpty();
    }

    /** The page as it is, on each screen and in each scheme. */
    /**
     * A new link's email, as a mail program shows it (its HTML part, rendered here), and its "This wasn't me" followed
     * in the same browser: the page shows the device, unlinks it, and refuses the link a second time. On the embedded
     * default the email is a file in the data folder's outbox.
     */
    @Test
    void theNewLinkEmailsThisWasntMeUnlinksTheDeviceInChromium() throws Exception {
        Inputs.require(Files.isReadable(AXE), "axe-core is not at " + AXE + " (.ci/run installs it with npm)");
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Living-room TV", "Bravia 55", null);
        var tokens = CompletableFuture.supplyAsync(() -> WebFlows.tokens(device, code));
        chromium.open(qrAddress(code));
        chromium.run("document.querySelector('a[href=\"/link/signin\"]').click()", "Username");
        signInAs("alex");
        chromium.run("document.querySelector('button[value=approve]').click()", "is linked");
        String refreshToken = tokens.get().refreshToken();

        Path outbox = fixture.server().config().dataDir().resolve("outbox");
        MimeMessage email = Eventually.until(() -> newLinkEmail(outbox), found -> found != null);
        assertThat(email.getSubject()).isEqualTo("New device linked: Living-room TV");
        Path html = dir.resolve("email.html");
        Files.writeString(html, Mails.part(email, "text/html"));
        chromium.open(html.toUri().toString());
        chromium.emulate(600, 900, false, false);
        shot("email-new-link");
        audit("the new-link email");
        Matcher link = Pattern.compile("https?://\\S+/link/unwanted\\?n=\\S+").matcher(Mails.part(email, "text/plain"));
        assertThat(link.find()).isTrue();

        var page = chromium.open(link.group());
        assertThat(page.certificateWarning()).isFalse();
        assertThat(page.text()).contains("Was this you?").contains("Living-room TV").contains("Unlink it");
        assertThat(page.url()).doesNotContain("n=");
        shot("unwanted-page");
        audit("this wasn't me");
        var done = chromium.run("document.querySelector('button[value=unlink]').click()", "is unlinked");
        assertThat(done.text()).contains("Living-room TV is unlinked");
        shot("unwanted-done");
        audit("this wasn't me, done");
        assertThat(fixture.http().form("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", CONSOLE, "refresh_token",
                refreshToken)).oauthError()).as("the device's next refresh").isEqualTo("invalid_grant");
        assertThat(chromium.open(link.group()).text()).contains("This link has been used already");
        assertThat(chromium.open(entrance + "/link/sign-out-all").text()).contains("there is nothing to sign out");
        audit("sign out of all devices, none linked");
        assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
    }

    private static MimeMessage newLinkEmail(Path outbox) {
        if (!Files.isDirectory(outbox)) {
            return null;
        }
        try (var files = Files.list(outbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (var in = Files.newInputStream(file)) {
                    var message = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (message.getSubject().startsWith("New device linked")) {
                        return message;
                    }
                }
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("the outbox cannot be read: " + e.getMessage(), e);
        }
        return null;
    }

    private void audit(String state) throws Exception {
        for (var screen : List.of(new int[] {390, 844}, new int[] {1280, 800})) {
            for (boolean dark : List.of(false, true)) {
                chromium.emulate(screen[0], screen[1], screen[0] < 600, dark);
                String where = state + " at " + screen[0] + "x" + screen[1] + (dark ? " dark" : " light") + ": ";
                chromium.accessibilityViolations(AXE).forEach(v -> violations.add(where + v));
            }
        }
    }

    /** Bytes the page and what it loaded took: over the wire, and as content. */
    private static final String PAGE_WEIGHT = "(() => { const all = performance.getEntries().filter(e => 'transferSize' in e);"
            + "const wire = all.reduce((n, e) => n + e.transferSize, 0), body = all.reduce((n, e) => n + e.decodedBodySize, 0);"
            + "return wire + ' bytes over the wire (' + body + ' bytes of content) in ' + all.length + ' requests'; })()";

    private String qrAddress(DeviceAuthorization code) {
        // the device's QR names the server's HTTPS address; a browser on this computer uses the loopback entrance
        return entrance + "/link?code=" + code.userCode();
    }

    private HeadlessChromium.Shown signInAs(String username) throws Exception {
        var page = chromium.run("document.querySelector('[name=username]').value = '" + username + "';"
                + "document.querySelector('[name=password]').value = 'link-demo';"
                + "document.querySelector('button[value=signin]').click();", "Signed in as");
        assertThat(page.certificateWarning()).isFalse();
        return page;
    }

    private void shot(String name) throws Exception {
        chromium.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }
}
