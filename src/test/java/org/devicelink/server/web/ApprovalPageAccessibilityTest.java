package org.devicelink.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.Databases;
import org.devicelink.testing.HeadlessChromium;
import org.devicelink.testing.Inputs;
import org.devicelink.testing.LinkServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * axe-core (npm, the version {@code .ci/run} installs) in Debian's Chromium over every state of the approval page and the
 * sign-in page, each on a phone (390×844) and a PC (1280×800), light and dark: no violation of WCAG 2.1 A or AA.
 */
class ApprovalPageAccessibilityTest {

    static final Path AXE = Path.of(System.getProperty("devicelink.axe",
            System.getProperty("user.home") + "/.cache/devicelink/axe/node_modules/axe-core/axe.min.js"));
    static final String CONSOLE = "demo-console";

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    HeadlessChromium chromium;
    String entrance;
    final List<String> violations = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Inputs.require(Files.isExecutable(HeadlessChromium.BINARY), "Debian's chromium is not installed (.ci/run installs it)");
        Inputs.require(Files.isReadable(AXE), "axe-core is not at " + AXE + " (.ci/run installs it with npm)");
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
    void everyStateOfThePagesMeetsWcag21AaOnAPhoneAndAPcInLightAndDark() throws Exception {
        var device = fixture.device(CONSOLE);
        DeviceAuthorization code = device.requestCode("Living-room TV", "Bravia 55", null);
        chromium.open(entrance + "/link?code=" + code.userCode());
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
        chromium.open(entrance + "/link?code=" + reported.userCode());
        chromium.run("document.querySelector('button[value=report]').click()", "Denied and reported");
        audit("denied and reported");

        DeviceAuthorization late = fixture.device(CONSOLE).requestCode("Old TV", null, null);
        fixture.clock.advance(Duration.ofMinutes(11));
        chromium.open(entrance + "/link?code=" + late.userCode());
        audit("expired");

        chromium.run("document.querySelector('form.account button').click()", "You are signed out");
        audit("signed out");
        DeviceAuthorization kids = fixture.device(CONSOLE).requestCode("Kid's Switch", null, null);
        chromium.open(entrance + "/link?code=" + kids.userCode());
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

    private void signInAs(String username) throws Exception {
        chromium.run("document.querySelector('[name=username]').value = '" + username + "';"
                + "document.querySelector('[name=password]').value = 'link-demo';"
                + "document.querySelector('button[value=signin]').click();", "Signed in as");
    }

    /** The page as it is, on each screen and in each scheme. */
    private void audit(String state) throws Exception {
        for (var screen : List.of(new int[] {390, 844}, new int[] {1280, 800})) {
            for (boolean dark : List.of(false, true)) {
                chromium.emulate(screen[0], screen[1], screen[0] < 600, dark);
                String where = state + " at " + screen[0] + "x" + screen[1] + (dark ? " dark" : " light") + ": ";
                chromium.accessibilityViolations(AXE).forEach(v -> violations.add(where + v));
            }
        }
    }
}
