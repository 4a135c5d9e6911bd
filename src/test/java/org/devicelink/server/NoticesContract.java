package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.Http;
import org.devicelink.testing.Mails;
import org.devicelink.testing.ScriptedBrowser;
import org.devicelink.testing.WebFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notices and control outside the app, over real HTTPS and real SMTP: GreenMail receives each email and the tests read
 * it back over IMAP, follow its "This wasn't me" link in a cookie-jar browser through the local provider's sign-in,
 * and sign out of all devices. On H2 and PostgreSQL.
 */
abstract class NoticesContract extends ServerContract {

    static final String CONSOLE = "demo-console";
    static final String ALEX = "alex@example.com";
    static final Pattern UNWANTED_LINK = Pattern.compile("https?://[^\\s\"<>]+/link/unwanted\\?n=([0-9a-f-]{36}\\.[0-9a-f]{32})");

    GreenMail mail;
    int smtpPort;

    @BeforeEach
    void mailServer() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        smtpPort = mail.getSmtp().getPort();
        mail.setUser(ALEX, ALEX, "mail-pw");
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    LinkServer startServer() {
        return start(Map.of("mail.host", "127.0.0.1", "mail.port", Integer.toString(smtpPort), "mail.security", "none",
                "mail.retry", "1")).server();
    }

    @Test
    void aNewLinkIsMailedAndThisWasntMeUnlinksItOnceAfterSignIn() throws Exception {
        startServer();
        var device = fixture.device(CONSOLE);
        var code = device.requestCode("Living-room TV", "Bravia 55", null);
        var tokens = approveOnThePage(device, code);

        MimeMessage notice = awaitMessage(ALEX, "New device linked: Living-room TV");
        String text = Mails.part(notice, "text/plain");
        String html = Mails.part(notice, "text/html");
        assertThat(text).contains("Living-room TV was linked to your account").contains("approved on the DeviceLink web page")
                .contains("Bravia 55").contains("This wasn't me");
        assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">").contains(">This wasn&#39;t me</a>");
        var link = UNWANTED_LINK.matcher(text);
        assertThat(link.find()).as("the link, in the text part").isTrue();
        assertThat(ScriptedBrowser.unescape(html)).as("the same link in the HTML part").contains(link.group());
        String raw = raw(notice);
        assertThat(raw).as("no code and no token anywhere in the message, only the link's signed id")
                .doesNotContain(code.userCode()).doesNotContain(code.userCode().replace("-", "")).doesNotContain(code.deviceCode())
                .doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());

        // a forwarded email is of no use to another account
        var sams = new ScriptedBrowser(fixture.server().certificateFile());
        var samSees = signIn(sams, "sam", WebFlows.follow(sams, sams.open(URI.create(link.group()))));
        assertThat(samSees.status()).isEqualTo(403);
        assertThat(samSees.body()).contains("This link belongs to another account").doesNotContain("Living-room TV");

        var owner = new ScriptedBrowser(fixture.server().certificateFile());
        var opened = WebFlows.follow(owner, owner.open(URI.create(link.group())));
        assertThat(opened.uri().toString()).as("the id leaves the address at once").doesNotContain("n=");
        assertThat(opened.body()).contains("Sign in with the account the email was sent to").doesNotContain("Living-room TV");
        var page = signIn(owner, "alex", opened);
        assertThat(page.body()).contains("Was this you?").contains("Living-room TV").contains("value=\"unlink\"")
                .contains("value=\"everywhere\"");
        var report = new HashMap<>(page.hiddenFields());
        report.put("action", "unlink");
        var done = owner.post(page.uri().resolve("/link/unwanted"), report);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Living-room TV is unlinked");

        assertThatThrownBy(() -> device.refresh(tokens.refreshToken())).isInstanceOf(DeviceClient.Refused.class);
        assertThat(fixture.query("SELECT COUNT(*) AS n FROM activity WHERE kind = 'unwanted'").getFirst().get("n").toString())
                .isEqualTo("1");
        assertThat(Mails.part(awaitMessage(ALEX, "You reported a device you did not link"), "text/plain"))
                .contains("Living-room TV was unlinked from your account");

        var again = WebFlows.follow(owner, owner.open(URI.create(link.group())));
        assertThat(again.status()).as("used once").isEqualTo(410);
        assertThat(again.body()).contains("This link has been used already");
    }

    @Test
    void aLinkPastItsSevenDaysIsRefused() throws Exception {
        startServer();
        var device = fixture.device(CONSOLE);
        approveOnThePage(device, device.requestCode("Old TV", null, null));
        String text = Mails.part(awaitMessage(ALEX, "New device linked: Old TV"), "text/plain");
        var link = UNWANTED_LINK.matcher(text);
        assertThat(link.find()).isTrue();
        var stored = fixture.query("SELECT expires_at FROM unwanted_links").getFirst().get("expires_at");
        assertThat(stored.toString()).as("valid for 7 days").startsWith(
                LocalDate.ofInstant(fixture.clock.instant().plus(Duration.ofDays(7)), ZoneOffset.UTC).toString());
        // the sign-in's own tokens live on real time: the link's lifetime is run out in the database, not by the clock
        fixture.update("UPDATE unwanted_links SET expires_at = ?", fixture.clock.instant().minusSeconds(1));
        var browser = new ScriptedBrowser(fixture.server().certificateFile());
        var expired = signIn(browser, "alex", WebFlows.follow(browser, browser.open(URI.create(link.group()))));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");

        String forged = link.group().substring(0, link.group().length() - 1) + (link.group().endsWith("0") ? "1" : "0");
        var refused = WebFlows.follow(browser, browser.open(URI.create(forged)));
        assertThat(refused.status()).as("a signature that is not ours finds nothing").isEqualTo(404);
    }

    /** SMTP down while links are approved, then up: every notice arrives, once; a restart in between loses none. */
    @Test
    void noticesWaitForTheMailServerAndArriveOnce() throws Exception {
        mail.stop();
        startServer();
        for (String name : List.of("TV one", "TV two")) {
            linkThroughTheApi(parent(), name);
        }
        Eventually.until("both sends failed and wait for a retry", () -> !fixture.query(
                "SELECT id FROM outbox WHERE attempts >= 1 AND sent_at IS NULL").isEmpty()
                && fixture.query("SELECT id FROM outbox WHERE sent_at IS NULL").size() == 2);
        fixture.restart(); // the notices are committed and unsent: a node that stops now loses neither
        linkThroughTheApi(parent(), "TV three");

        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(ALEX, ALEX, "mail-pw");
        for (String name : List.of("TV one", "TV two", "TV three")) {
            awaitMessage(ALEX, "New device linked: " + name);
        }
        Eventually.until("all marked sent", () -> fixture.query("SELECT id FROM outbox WHERE sent_at IS NULL").isEmpty());
        assertThat(subjects(ALEX)).as("each once").hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void signOutOfAllDevicesEndsEveryDeviceOfThatAccountOnly() throws Exception {
        startServer();
        String alex = parent();
        String sam = fixture.issuer.token("sam", "Sam", b -> b.claim("roles", List.of("child")).claim("family", "family-1"));
        String kim = fixture.issuer.token("kim", "Kim", b -> b.claim("roles", List.of("child")).claim("family", "family-2"));
        String samsId = fixture.http().get("/api/v1/me", sam).json().path("id").asText();
        fixture.http().get("/api/v1/me", kim);
        var first = linkThroughTheApi(alex, "Console A");
        var second = linkThroughTheApi(alex, "Console B");
        var samsDevice = fixture.device(CONSOLE);
        var samsCode = samsDevice.requestCode("Sam's Switch", null, null);
        assertThat(fixture.http().post("/api/v1/links/" + samsCode.userCode() + "/approve", alex, "{\"account\":\"" + samsId + "\"}")
                .status()).isEqualTo(200);
        var samsTokens = WebFlows.tokens(samsDevice, samsCode);

        assertThat(fixture.http().post("/api/v1/devices/sign-out-all?member=" + samsId, kim, "").problem())
                .as("a child of another family").isEqualTo("parents-only");
        assertThat(fixture.http().post("/api/v1/devices/sign-out-all?member=all", alex, "").problem()).isEqualTo("invalid-request");

        var signedOut = fixture.http().post("/api/v1/devices/sign-out-all", alex, "");
        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(signedOut.json().path("devices").asInt()).isEqualTo(2);
        for (var linked : List.of(first, second)) {
            assertThatThrownBy(() -> linked.device().refresh(linked.tokens().refreshToken())).isInstanceOf(DeviceClient.Refused.class);
        }
        assertThat(samsDevice.refresh(samsTokens.refreshToken()).accessToken()).as("the child's device is another account's")
                .isNotEmpty();
        List<JsonNode> activity = new ArrayList<>();
        fixture.http().get("/api/v1/activity", alex).json().forEach(activity::add);
        assertThat(activity.stream().filter(e -> e.path("kind").asText().equals("signed-out-everywhere"))).as("one entry").hasSize(1);
        assertThat(Mails.part(awaitMessage(ALEX, "You were signed out of all devices"), "text/plain"))
                .contains("2 devices were signed out");

        var forChild = fixture.http().post("/api/v1/devices/sign-out-all?member=" + samsId, alex, "");
        assertThat(forChild.json().path("devices").asInt()).as("a parent, for their child").isEqualTo(1);
        assertThatThrownBy(() -> samsDevice.refresh(samsTokens.refreshToken())).isInstanceOf(DeviceClient.Refused.class);
    }

    /** The code approved on the page by the demo parent (alex@example.com at the local provider); the device's tokens. */
    DeviceClient.Tokens approveOnThePage(DeviceClient device, DeviceAuthorization code) {
        var browser = new ScriptedBrowser(fixture.server().certificateFile());
        var confirm = signIn(browser, "alex", WebFlows.follow(browser, browser.open(URI.create(code.verificationUriComplete()))));
        var fields = new HashMap<>(confirm.hiddenFields());
        fields.put("action", "approve");
        assertThat(browser.post(confirm.uri().resolve("/link/decide"), fields).body()).contains("is linked");
        return WebFlows.tokens(device, code);
    }

    /** A child's request reaches each parent by email, and the parent's decision reaches the child; neither email decides. */
    @Test
    void aChildsRequestIsMailedToTheParentAndTheDecisionToTheChild() throws Exception {
        startServer();
        mail.setUser("sam@example.com", "sam@example.com", "mail-pw");
        String alex = parent();
        String sam = fixture.issuer.token("sam", "Sam", b -> b.claim("roles", List.of("child")).claim("family", "family-1")
                .claim("email", "sam@example.com"));
        fixture.http().get("/api/v1/me", alex);
        var device = fixture.device(CONSOLE);
        var code = device.requestCode("Sam's Switch", null, null);
        var asked = fixture.http().post("/api/v1/links/" + code.userCode() + "/approve", sam, "{}");
        assertThat(asked.status()).isEqualTo(202);

        MimeMessage request = awaitMessage(ALEX, "Sam asks to link Sam's Switch");
        String text = Mails.part(request, "text/plain");
        assertThat(text).contains("You decide after signing in").contains("Sam's Switch").containsPattern("/link\\r?\\n");
        assertThat(raw(request)).as("no code, nothing to decide with").doesNotContain(code.userCode())
                .doesNotContain(code.userCode().replace("-", "")).doesNotContain(asked.json().path("id").asText());

        assertThat(fixture.http().post("/api/v1/family/requests/" + asked.json().path("id").asText() + "/approve", alex, "").status())
                .isEqualTo(200);
        assertThat(Mails.part(awaitMessage("sam@example.com", "Alex approved Sam's Switch"), "text/plain"))
                .contains("Alex approved your request: Sam's Switch is now linked to your account.");
        assertThat(subjects(ALEX)).as("the parent is not told of their own decision").hasSize(1);
    }

    /** The page's own "Sign out of all devices": it asks first, naming how many, Cancel first; then every device is out. */
    @Test
    void signOutOfAllDevicesOnThePageAsksFirst() throws Exception {
        startServer();
        var first = fixture.device(CONSOLE);
        var firstTokens = approveOnThePage(first, first.requestCode("TV one", null, null));
        var second = fixture.device(CONSOLE);
        approveOnThePage(second, second.requestCode("TV two", null, null));

        var browser = new ScriptedBrowser(fixture.server().certificateFile());
        var codeForm = signIn(browser, "alex", WebFlows.follow(browser, browser.open(URI.create(fixture.server().baseUrl() + "/link"))));
        assertThat(codeForm.body()).contains("href=\"/link/sign-out-all\"");
        var ask = browser.open(codeForm.uri().resolve("/link/sign-out-all"));
        assertThat(ask.body()).contains("Sign out of all 2 devices?");
        String form = ask.body().substring(ask.body().indexOf("action=\"/link/sign-out-all\""));
        assertThat(form.indexOf("value=\"cancel\"")).as("Enter cancels").isPositive().isLessThan(form.indexOf("value=\"sign-out-all\""));
        var fields = new HashMap<>(ask.hiddenFields());
        fields.put("action", "cancel");
        assertThat(browser.post(ask.uri(), fields).status()).isEqualTo(303);
        assertThat(first.refresh(firstTokens.refreshToken()).accessToken()).as("cancelled: still linked").isNotEmpty();

        fields.put("action", "sign-out-all");
        var done = browser.post(ask.uri(), fields);
        assertThat(done.body()).contains("2 devices were signed out.");
        assertThat(browser.open(ask.uri()).body()).as("asked again").contains("there is nothing to sign out");
        assertThat(fixture.query("SELECT COUNT(*) AS n FROM linked_devices WHERE status = 'active'").getFirst().get("n").toString())
                .isEqualTo("0");
    }

    /** Linking with a code turned off: lookups and approvals are refused by name, support sees why, and on lets them through. */
    @Test
    void linkingOffRefusesTheAccountsCodesAndSupportSeesWhy() throws Exception {
        startServer();
        String alex = parent();
        String riley = fixture.issuer.token("riley", "Riley", b -> b.claim("roles", List.of("support")));
        assertThat(fixture.http().get("/api/v1/settings/linking", alex).json().path("linking").asText()).isEqualTo("on");
        var off = fixture.http().send(fixture.http().request("/api/v1/settings/linking").header("Authorization", "Bearer " + alex)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"linking\":\"off\"}")));
        assertThat(off.json().path("linking").asText()).isEqualTo("off");
        assertThat(off.json().path("chosen").asBoolean()).isTrue();

        var code = fixture.device(CONSOLE).requestCode("Attic TV", null, null);
        var lookup = fixture.http().get("/api/v1/links/" + code.userCode(), alex);
        assertThat(lookup.status()).isEqualTo(403);
        assertThat(lookup.problem()).isEqualTo("linking-off");
        assertThat(lookup.json().path("detail").asText()).contains("under Settings");
        assertThat(fixture.http().post("/api/v1/links/" + code.userCode() + "/approve", alex, "{}").problem()).isEqualTo("linking-off");
        var story = fixture.http().get("/api/v1/support/codes/" + code.userCode(), riley).json();
        assertThat(story.path("events").findValuesAsText("what")).contains("refused-linking-off");

        setLinking(alex, null, "on");
        assertThat(fixture.http().get("/api/v1/links/" + code.userCode(), alex).status()).isEqualTo(200);
    }

    /** "Only from the device's own network": the judgement behind the network warning, at the server. */
    @Test
    void homeOnlyAcceptsCodesFromTheDevicesOwnNetwork() throws Exception {
        start(Map.of("trust-proxy", "true", "local-issuer.demo-accounts", "false"));
        String alex = parent();
        setLinking(alex, null, "home");
        var code = fixture.http().send(fixture.http().request("/oauth2/device_authorization")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "203.0.113.7")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + CONSOLE + "&device_name=TV"))).json().path("user_code").asText();
        var elsewhere = fixture.http().send(fixture.http().request("/api/v1/links/" + code).header("Authorization", "Bearer " + alex)
                .header("X-Forwarded-For", "198.51.100.20").GET());
        assertThat(elsewhere.problem()).isEqualTo("linking-off");
        assertThat(elsewhere.json().path("detail").asText()).contains("only from the device's own network");
        var atHome = fixture.http().send(fixture.http().request("/api/v1/links/" + code).header("Authorization", "Bearer " + alex)
                .header("X-Forwarded-For", "203.0.113.7").GET());
        assertThat(atHome.status()).isEqualTo(200);
    }

    /** A parent sets a child's; another family's parent cannot; the operator's default holds until someone chooses. */
    @Test
    void aParentSetsAChildsLinkingAndTheOperatorSetsTheDefault() throws Exception {
        start(Map.of("linking.default", "home"));
        String alex = parent();
        String sam = fixture.issuer.token("sam", "Sam", b -> b.claim("roles", List.of("child")).claim("family", "family-1"));
        String pat = fixture.issuer.token("pat", "Pat", b -> b.claim("roles", List.of("organizer")).claim("family", "family-2"));
        String samsId = fixture.http().get("/api/v1/me", sam).json().path("id").asText();
        fixture.http().get("/api/v1/me", pat);
        var byDefault = fixture.http().get("/api/v1/settings/linking", sam).json();
        assertThat(byDefault.path("linking").asText()).isEqualTo("home");
        assertThat(byDefault.path("chosen").asBoolean()).isFalse();

        assertThat(setLinking(pat, samsId, "on").problem()).as("another family's parent").isEqualTo("not-in-family");
        assertThat(setLinking(sam, null, "sideways").problem()).isEqualTo("invalid-request");
        assertThat(setLinking(alex, samsId, "off").json().path("linking").asText()).isEqualTo("off");
        var code = fixture.device(CONSOLE).requestCode("Sam's Switch", null, null);
        assertThat(fixture.http().post("/api/v1/links/" + code.userCode() + "/approve", sam, "{}").problem()).isEqualTo("linking-off");
        assertThat(fixture.http().get("/api/v1/settings/linking?member=" + samsId, alex).json().path("linking").asText()).isEqualTo("off");
    }

    Http.Response setLinking(String token, String member, String linking) {
        return fixture.http().send(fixture.http().request("/api/v1/settings/linking" + (member == null ? "" : "?member=" + member))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"linking\":\"" + linking + "\"}")));
    }

    /** A device linked through the API by {@code token}'s account; its device and tokens. */
    record Linked(DeviceClient device, DeviceClient.Tokens tokens) {}

    Linked linkThroughTheApi(String token, String deviceName) throws Exception {
        var device = fixture.device(CONSOLE);
        var code = device.requestCode(deviceName, null, null);
        assertThat(fixture.http().post("/api/v1/links/" + code.userCode() + "/approve", token, "{}").status()).isEqualTo(200);
        return new Linked(device, WebFlows.tokens(device, code));
    }

    /** As alex, the family's parent, with the provider's email claim. */
    String parent() {
        return fixture.issuer.token("alex", "Alex", b -> b.claim("roles", List.of("organizer")).claim("family", "family-1")
                .claim("email", ALEX));
    }

    ScriptedBrowser.Page signIn(ScriptedBrowser browser, String username, ScriptedBrowser.Page signInPage) {
        assertThat(signInPage.body()).contains("href=\"/link/signin\"");
        var login = WebFlows.follow(browser, browser.open(signInPage.uri().resolve("/link/signin")));
        return WebFlows.follow(browser, browser.submit(login, username, "link-demo", "signin"));
    }

    MimeMessage awaitMessage(String to, String subject) {
        return Eventually.until(() -> messages(to).stream().filter(m -> subjectOf(m).equals(subject)).findFirst().orElse(null),
                found -> found != null);
    }

    List<String> subjects(String to) {
        return messages(to).stream().map(NoticesContract::subjectOf).toList();
    }

    /** The mailbox, read over IMAP as a mail program would. */
    List<MimeMessage> messages(String to) {
        try (var store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", mail.getImap().getPort(), to, "mail-pw");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            var copies = new ArrayList<MimeMessage>();
            for (Message message : inbox.getMessages()) {
                copies.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return copies;
        } catch (Exception e) {
            return List.of(); // the server is starting, or stopped for the test
        }
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(MimeMessage message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
