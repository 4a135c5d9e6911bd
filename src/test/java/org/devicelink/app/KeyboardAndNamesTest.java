package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextField;
import org.devicelink.testing.Access;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen as a screen reader and a keyboard meet it: each control that takes the focus has a name to be read by,
 * and Tab alone reaches every one of them.
 */
@ExtendWith(CompanionWindow.class)
class KeyboardAndNamesTest {

    CompanionFixture app;
    final List<String> problems = new ArrayList<>();

    @Test
    void everyControlOnEveryScreenIsNamedAndReachedByTab(FxRobot robot) throws Exception {
        check(robot, "sign-in");
        app.signIn(robot);
        check(robot, "Link");
        var code = app.deviceAsks("Game console", "Series S");
        robot.interact(() -> app.companion.link().codeProperty().set(code.path("user_code").asText()));
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        check(robot, "the confirmation");
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        check(robot, "the result");
        for (String tab : List.of("#devicesTab", "#requestsTab", "#activityTab", "#settingsTab")) {
            app.click(robot, tab);
            WaitForAsyncUtils.waitForFxEvents();
            check(robot, tab);
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void theSupportScreenToo(FxRobot robot) throws Exception {
        app.signInAs("riley");
        app.signIn(robot);
        CompanionFixture.await(() -> robot.lookup("#supportTab").tryQuery().isPresent());
        app.click(robot, "#supportTab");
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, "support");
        String code = app.deviceAsks("Living-room Switch", "Nintendo Switch").path("user_code").asText();
        robot.interact(() -> robot.lookup("#supportCode").queryAs(TextField.class).setText(code));
        robot.clickOn("#supportLookUp");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#supportResult"));
        check(robot, "support, a code looked up");
        assertThat(problems).isEmpty();
    }

    /** On the screen shown: a name for each control, and Tab from one to the next until it has been round them all. */
    private void check(FxRobot robot, String screen) throws Exception {
        Access.keyboardProblems(robot, app.scene).forEach(problem -> problems.add(screen + ": " + problem));
    }
}
