package org.devicelink.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** Settings' "Linking with a code", in a real window against the embedded server: chosen, saved there, and enforced. */
@ExtendWith(CompanionWindow.class)
class LinkingSettingTest {

    CompanionFixture app;

    @Test
    void turningLinkingOffInSettingsIsKeptByTheServerAndRefusesCodes(FxRobot robot) {
        app.signIn(robot);
        app.click(robot, "#settingsTab");
        CompanionFixture.await(() -> "on".equals(choice(robot).getValue()));
        robot.clickOn("#linkingChoice").clickOn("Off");
        CompanionFixture.await(() -> robot.lookup("#linkingStatus").queryAs(Label.class).getText().startsWith("Saved."));
        assertThat(robot.lookup("#linkingStatus").queryAs(Label.class).getText()).isEqualTo("Saved. Linking with a code: Off.");
        Screenshots.save(app.scene, "settings-linking-off-light");
        assertThat(app.server.http().get("/api/v1/settings/linking", app.accessToken()).json().path("linking").asText())
                .isEqualTo("off");

        var code = app.deviceAsks("Attic TV", "Model A");
        var refused = app.server.http().get("/api/v1/links/" + code.path("user_code").asText(), app.accessToken());
        assertThat(refused.problem()).isEqualTo("linking-off");
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> choice(FxRobot robot) {
        return robot.lookup("#linkingChoice").queryAs(ComboBox.class);
    }
}
