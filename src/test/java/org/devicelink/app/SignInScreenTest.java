package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

@ExtendWith(CompanionWindow.class)
class SignInScreenTest {

    CompanionFixture app;



    @Test
    void signingInShowsTheAccountAndTheLinkScreen(FxRobot robot) {
        assertThat(CompanionFixture.showing(robot, "#signInScreen")).isTrue();
        assertThat(robot.lookup("#serverLabel").queryAs(Label.class).getText()).contains("Local mode");
        assertThat(Screenshots.meanLuma(Screenshots.save(app.scene, "signin-light"))).isGreaterThan(200); // the light theme

        robot.clickOn("#signInButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#tabs"));
        assertThat(robot.lookup("#accountMenu").queryAs(MenuButton.class).getText()).isEqualTo("Alex Morgan");
        assertThat(CompanionFixture.showing(robot, "#signInScreen")).isFalse();
        Screenshots.save(app.scene, "link-empty-light");

        // a second person on the same computer: add, then switch back
        app.signInAs("sam");
        robot.clickOn("#accountMenu").clickOn("#addAccount");
        CompanionFixture.await(() -> "Sam Morgan".equals(robot.lookup("#accountMenu").queryAs(MenuButton.class).getText()));
        robot.clickOn("#accountMenu").clickOn("Switch to alex");
        CompanionFixture.await(() -> "Alex Morgan".equals(robot.lookup("#accountMenu").queryAs(MenuButton.class).getText()));
        assertThat(robot.lookup("#accountMenu").queryAs(MenuButton.class).getItems()).extracting(MenuItem::getText)
                .contains("Signed in as alex", "Switch to sam");
        assertThat(app.server.http().get("/api/v1/devices", app.accessToken()).status()).isEqualTo(200);
        robot.type(KeyCode.ESCAPE);

        robot.clickOn("#accountMenu").clickOn("#signOut");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#signInScreen"));
        assertThat(robot.lookup("#accountMenu").queryAs(MenuButton.class).getText()).isEqualTo("Not signed in");
    }

    @Test
    void whenNoBrowserOpensTheAddressCanBeCopiedAndCancelEndsTheWait(FxRobot robot) throws Exception {
        app.signInAs(null);
        robot.clickOn("#signInButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#signInAddress"));
        String address = robot.lookup("#signInAddress").queryAs(TextField.class).getText();
        assertThat(address).startsWith("http://127.0.0.1:" + app.server.server().browserPort() + "/idp/oauth2/v2.0/authorize?");
        Screenshots.save(app.scene, "signin-no-browser");

        robot.clickOn("#copySignInAddress");
        var copied = new AtomicReference<String>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).isEqualTo(address);

        robot.clickOn("#cancelSignIn");
        CompanionFixture.await(() -> robot.lookup("#signInError").queryAs(Label.class).getText().startsWith("Sign-in was cancelled"));
        assertThat(CompanionFixture.showing(robot, "#signInAddress")).isFalse();
        assertThat(robot.lookup("#signInButton").queryAs(Button.class).isDisabled()).as("free to try again").isFalse();
    }
}
