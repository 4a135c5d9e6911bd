package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.devicelink.app.common.Theme;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Every screen in the dark theme (the other tests save the light ones), for a person to look at. */
@ExtendWith(CompanionWindow.class)
@CompanionWindow.Settings(theme = "dark")
class ScreenTourTest {

    CompanionFixture app;


    @AfterEach
    void backToLight() {
        Theme.apply("light");
    }

    @Test
    void everyScreenInTheDark(FxRobot robot) {
        var shots = new ArrayList<Path>();
        shots.add(Screenshots.save(app.scene, "signin-dark"));
        app.signIn(robot);
        robot.clickOn("#codeField").write("wdjb-mj0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#codeHint").queryAs(Label.class).getText()).contains("no digits");
        shots.add(Screenshots.save(app.scene, "link-typo-dark"));

        var code = app.deviceAsks("Game console", "Series S");
        robot.interact(() -> app.companion.link().codeProperty().set(code.path("user_code").asText()));
        robot.type(KeyCode.ENTER);
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        assertThat(robot.lookup("#confirmTitle").queryAs(Label.class).getText()).isEqualTo("Link Game console to your account?");
        shots.add(Screenshots.save(app.scene, "confirm-dark"));
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        assertThat(robot.lookup("#resultTitle").queryAs(Label.class).getText()).isEqualTo("Game console is linked");
        shots.add(Screenshots.save(app.scene, "result-linked-dark"));

        app.click(robot, "#devicesTab");
        CompanionFixture.await(() -> robot.lookup("#devicesTable").queryAs(TableView.class).getItems().size() == 1);
        shots.add(Screenshots.save(app.scene, "devices-dark"));
        app.click(robot, "#settingsTab");
        assertThat(robot.lookup("#settingsTheme").queryAs(ComboBox.class).getValue()).isEqualTo("dark");
        shots.add(Screenshots.save(app.scene, "settings-dark"));

        // every screen is drawn dark (the light ones, which the other tests save, are drawn light)
        assertThat(shots).allSatisfy(png -> assertThat(Screenshots.meanLuma(png)).as(png.getFileName().toString()).isLessThan(80));
    }
}
