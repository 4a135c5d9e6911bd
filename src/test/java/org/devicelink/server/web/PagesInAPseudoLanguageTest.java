package org.devicelink.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * The pages in the accented pseudo-language ({@code ?lang=en-XA}), state by state: every word a person reads or a
 * screen reader speaks (text, labels, placeholders, titles, button values) is accented, so a plain English word is one
 * that does not come from the bundle.
 */
class PagesInAPseudoLanguageTest {

    /**
     * What the pages show that is no sentence: names (the product, the demo app, the demo accounts and their password,
     * the test's person and devices, this server's address), the languages' own names, and "now" and "and", ICU's words
     * in the pseudo-language (whose data is English's).
     */
    static final Set<String> NAMES = Set.of("DeviceLink", "DL", "QR", "Demo", "Console", "Alex", "Morgan", "alex", "Sam", "sam", "riley",
            "demo", "link", "https", "localhost", "Living", "room", "TV", "Bravia", "Old", "Stranger", "s", "box", "Kid", "Switch",
            "English", "Deutsch", "Brasil", "now", "and");

    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style)\\b.*?</\\1>|<!--.*?-->");
    private static final Pattern READ_ATTRIBUTE = Pattern.compile("(?i)\\b(?:aria-label|placeholder|title|alt)=\"([^\"]*)\"");
    private static final Pattern BUTTON_VALUE = Pattern.compile("(?i)<input[^>]*type=\"submit\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    ScriptedBrowser browser;
    final List<String> english = new ArrayList<>();
    int words;

    @BeforeEach
    void start() {
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of());
        browser = new ScriptedBrowser(fixture.server().certificateFile());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyStateOfThePageSpeaksOnlyTheBundlesWords() throws Exception {
        String base = fixture.server().baseUrl();
        var signedOut = follow(browser.open(URI.create(base + "/link?lang=en-XA")));
        check("signed out", signedOut);
        assertThat(signedOut.body()).contains("lang=\"en-XA\"");

        var device = fixture.device("demo-console");
        DeviceAuthorization code = device.requestCode("Living room TV", "Bravia", null);
        var withCode = follow(browser.open(URI.create(code.verificationUriComplete())));
        check("signed out, with a code", withCode);
        var login = follow(browser.open(withCode.uri().resolve("/link/signin")));
        check("the sign-in page", login);
        var wrong = browser.submit(login, "alex", "not-the-password", "signin");
        assertThat(wrong.status()).isEqualTo(401);
        check("the sign-in page, refused", wrong);
        var confirm = follow(browser.submit(wrong, "alex", "link-demo", "signin"));
        assertThat(confirm.body()).contains(code.userCode()).contains("name=\"action\"");
        check("the confirmation", confirm);
        var linked = decide(confirm, "approve");
        assertThat(linked.status()).isEqualTo(200);
        check("linked", linked);

        var codeForm = follow(browser.open(URI.create(base + "/link")));
        check("the code form", codeForm);
        var typo = browser.post(codeForm.formAction(), Map.of("csrf", codeForm.hiddenFields().get("csrf"), "code", "WDJB-MJH0"));
        assertThat(typo.status()).isEqualTo(400);
        check("a typo explained", typo);
        var unknown = follow(browser.post(codeForm.formAction(), Map.of("csrf", codeForm.hiddenFields().get("csrf"), "code", "WDJB-MJHT")));
        check("a code refused", unknown);

        DeviceAuthorization stranger = fixture.device("demo-console").requestCode("Stranger's box", null, null);
        var denied = decide(follow(browser.post(URI.create(base + "/link/code"),
                Map.of("csrf", codeForm.hiddenFields().get("csrf"), "code", stranger.userCode()))), "report");
        assertThat(denied.status()).isEqualTo(200);
        check("denied and reported", denied);

        // a child's approval waits for a parent; the parent's page lists it and opens it
        var child = new ScriptedBrowser(fixture.server().certificateFile());
        follow(child, child.open(URI.create(base + "/link?lang=en-XA")));
        DeviceAuthorization kids = fixture.device("demo-console").requestCode("Kid's Switch", null, null);
        var childLogin = follow(child, child.open(follow(child, child.open(URI.create(kids.verificationUriComplete()))).uri()
                .resolve("/link/signin")));
        var childConfirm = follow(child, child.submit(childLogin, "sam", "link-demo", "signin"));
        var fields = new HashMap<>(childConfirm.hiddenFields());
        fields.put("action", "approve");
        var sent = child.post(URI.create(base + "/link/decide"), fields);
        assertThat(sent.status()).isEqualTo(303);
        var waiting = follow(child, sent);
        assertThat(waiting.body()).contains("data-check-every");
        check("a child waiting for a parent", waiting);
        var parentList = follow(browser.open(URI.create(base + "/link")));
        String request = sent.raw().headers().firstValue("Location").orElseThrow();
        assertThat(parentList.body()).contains("href=\"" + request + "\"");
        check("a parent's list of requests", parentList);
        var decision = browser.open(URI.create(base + request));
        assertThat(decision.status()).isEqualTo(200);
        check("a child's request, to decide", decision);

        DeviceAuthorization old = fixture.device("demo-console").requestCode("Old TV", null, null);
        fixture.clock.advance(Duration.ofMinutes(11)); // last: sign-ins after it would be out of step with the clock
        var expired = follow(browser.open(URI.create(old.verificationUriComplete())));
        assertThat(expired.status()).isEqualTo(410);
        check("expired", expired);

        assertThat(words).as("words read on the pages").isGreaterThan(500);
        assertThat(english).isEmpty();
    }

    private void check(String state, ScriptedBrowser.Page page) {
        String html = HIDDEN.matcher(page.body()).replaceAll(" ");
        var read = new StringBuilder(TAG.matcher(html).replaceAll(" "));
        for (var pattern : List.of(READ_ATTRIBUTE, BUTTON_VALUE)) {
            pattern.matcher(html).results().forEach(m -> read.append(' ').append(m.group(1)));
        }
        var found = WORD.matcher(ScriptedBrowser.unescape(read.toString())).results().map(m -> m.group()).toList();
        words += found.size();
        found.stream().filter(word -> word.chars().allMatch(c -> c < 128) && !NAMES.contains(word) && !word.matches("[A-Z]{4}"))
                .distinct().forEach(word -> english.add(state + ": " + word));
    }

    private ScriptedBrowser.Page follow(ScriptedBrowser.Page redirect) {
        return follow(browser, redirect);
    }

    private static ScriptedBrowser.Page follow(ScriptedBrowser with, ScriptedBrowser.Page redirect) {
        return WebFlows.follow(with, redirect);
    }

    private ScriptedBrowser.Page decide(ScriptedBrowser.Page confirm, String action) {
        var fields = new HashMap<>(confirm.hiddenFields());
        fields.put("action", action);
        return browser.post(URI.create(fixture.server().baseUrl() + "/link/decide"), fields);
    }
}
