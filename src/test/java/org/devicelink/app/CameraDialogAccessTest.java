package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.devicelink.scan.VideoSourceTest;
import org.devicelink.testing.Access;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Contrast;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The camera dialog as a keyboard, a screen reader and a person with low vision meet it, with two cameras so that
 * the choice of camera shows: every control named, Tab reaching each, its text at WCAG AA contrast in both themes.
 */
@ExtendWith(CompanionWindow.class)
class CameraDialogAccessTest {

    CompanionFixture app;
    @TempDir
    Path dir;

    @Test
    void everyControlIsNamedReachedByTabAndReadableInBothThemes(FxRobot robot) throws Exception {
        app.signIn(robot);
        app.cameraVideo = VideoSourceTest.video(dir.resolve("room.avi"), null);
        app.secondCameraVideo = VideoSourceTest.video(dir.resolve("desk.avi"), null);
        robot.clickOn("#scanButton .arrow-button").clickOn("#scanCamera");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#cameraChoice")
                && robot.lookup("#cameraStatus").queryAs(Label.class).getText().startsWith("The video has ended"));
        Scene dialog = robot.lookup("#cameraChoice").query().getScene();
        Screenshots.save(dialog, "camera-dialog-access");

        var problems = new ArrayList<>(Access.keyboardProblems(robot, dialog));
        int controls = WaitForAsyncUtils.asyncFx(() -> Access.focusable(dialog.getRoot())).get().size();
        int measured = WaitForAsyncUtils.asyncFx(() -> Contrast.measure(dialog)).get().size();
        WaitForAsyncUtils.asyncFx(() -> Contrast.belowAaInBothThemes(dialog)).get().forEach(r -> problems.add("contrast, " + r));

        assertThat(controls).as("the dialog's controls").isGreaterThanOrEqualTo(2);
        assertThat(measured).as("pieces of text measured").isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
        robot.type(KeyCode.ESCAPE);
        CompanionFixture.await(() -> robot.lookup("#cameraStatus").tryQuery().isEmpty());
    }
}
