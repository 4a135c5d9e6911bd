package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.devicelink.app.settings.SettingsFile;
import org.devicelink.platform.SingleInstance;
import org.devicelink.platform.UserFolders;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.Screenshots;
import org.devicelink.testing.ScriptedBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One running companion per data folder: a second start, or a clicked {@code devicelink://} link, hands its link to
 * the first through the data folder's socket, and the first comes to the front on the Link screen with the code.
 */
@ExtendWith(ApplicationExtension.class)
class OneCompanionTest {

    @TempDir
    static Path dir;
    Path data;
    int port;
    CompanionApp app;
    SingleInstance first;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        data = dir.resolve("user-" + System.nanoTime());
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        new SettingsFile(data).update(s -> s.withLocalPort(port));
        first = ((SingleInstance.Claim.First) CompanionApp.claim(data, null)).instance();
        app = new CompanionApp();
        app.open(stage, data, null, url -> Thread.ofVirtual().start(() -> {
            var browser = new ScriptedBrowser(new UserFolders(data).localServerCertificate());
            browser.follow(browser.submit(browser.open(URI.create(url.toString())), "alex", "link-demo", "signin"));
        }));
    }

    @AfterEach
    void stop() {
        app.close();
        first.close();
    }

    @Test
    void aSecondStartHandsItsLinkToTheRunningCompanion(FxRobot robot) throws Exception {
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#signInScreen"));
        robot.clickOn("#signInButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#tabs"));
        robot.clickOn("#settingsTab"); // somewhere else than the Link screen
        robot.interact(stage::toBack);

        assertThat(CompanionApp.claim(data, "devicelink://link?code=wdjb-mjht")).isInstanceOf(SingleInstance.Claim.HandedOver.class);
        CompanionFixture.await(() -> "WDJB-MJHT".equals(robot.lookup("#codeField").queryAs(TextField.class).getText()));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("linkTab");
        Screenshots.save(stage.getScene(), "handed-over-link");

        // a foreign or broken link gets a sentence on the Link screen, never a silent nothing
        assertThat(CompanionApp.claim(data, "devicelink://settings?code=WDJB-MJHT")).isInstanceOf(SingleInstance.Claim.HandedOver.class);
        CompanionFixture.await(() -> robot.lookup("#linkError").queryAs(Label.class).getText().contains("link"));
        assertThat(CompanionApp.claim(data,
                "https://evil.example/link?code=WDJB-MJHT")).isInstanceOf(SingleInstance.Claim.HandedOver.class);
        CompanionFixture.await(() -> robot.lookup("#linkError").queryAs(Label.class).getText().contains("evil.example"));

        // the second start started no server of its own and moved no port
        assertThat(new SettingsFile(data).load().localPort()).isEqualTo(port);
        assertThat(Files.getPosixFilePermissions(data.resolve("companion.sock")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
