package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.devicelink.app.settings.SettingsFile;
import org.devicelink.device.DeviceClient;
import org.devicelink.platform.UserFolders;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.Screenshots;
import org.devicelink.testing.ScriptedBrowser;
import org.devicelink.tls.PinnedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The embedded default as a new user meets it: the companion itself (not a test fixture) starts the link server in
 * its data folder, says "Local mode", signs in at its own provider and links a device kit device, all on one machine.
 */
@ExtendWith(ApplicationExtension.class)
class EmbeddedDefaultTest {

    @TempDir
    static Path dir;
    Path data;
    int port;
    CompanionApp app;

    @Start
    void start(Stage stage) throws Exception {
        data = dir.resolve("user-" + System.nanoTime());
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // not 8443: a developer's own companion may be running
        }
        new SettingsFile(data).update(s -> s.withLocalPort(port));
        app = new CompanionApp();
        app.open(stage, data, null, person());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Alex at the browser, which trusts the data folder's certificate as the companion does. */
    OpenBrowserAction person() {
        return url -> Thread.ofVirtual().start(() -> {
            var browser = new ScriptedBrowser(new UserFolders(data).localServerCertificate());
            browser.follow(browser.submit(browser.open(URI.create(url.toString())), "alex", "link-demo", "signin"));
        });
    }

    @Test
    void theCompanionRunsItsOwnServerAndLinksADeviceOnThisComputer(FxRobot robot) throws Exception {
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#signInScreen"));
        Label server = robot.lookup("#serverLabel").queryAs(Label.class);
        assertThat(server.getText()).isEqualTo("Local mode: server on this computer");
        assertThat(server.getTooltip().getText()).isEqualTo("https://localhost:" + port);
        Path certificate = new UserFolders(data).localServerCertificate();
        assertThat(certificate).exists();
        assertThat(Files.exists(data.resolve("devicelink.mv.db"))).as("the H2 database in the data folder").isTrue();

        robot.clickOn("#signInButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#tabs"));

        // the device polls once the person has approved, so a short wait needs no slow_down
        var device = new DeviceClient(URI.create("https://localhost:" + port), "demo-console", PinnedCertificate.trusting(certificate),
                wait -> Thread.sleep(200));
        var code = device.requestCode("Attic TV", "Frame 43", null);
        robot.clickOn("#codeField").write(code.userCode()).type(KeyCode.ENTER);
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        robot.clickOn("#approveButton");
        var tokens = device.awaitApproval(code, new DeviceClient.Listener() { });
        assertThat(tokens.linkedAccount()).isEqualTo("Alex Morgan");
        assertThat(new SettingsFile(data).load().localPort()).as("the port stays what it was").isEqualTo(port);
        Screenshots.save(robot.lookup("#serverLabel").query().getScene(), "embedded-default-linked");
    }
}
