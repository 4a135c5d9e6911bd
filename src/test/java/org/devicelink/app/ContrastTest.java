package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Contrast;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Every screen's text against what is drawn behind it, in the light and the dark theme (the support screen's: SupportScreenTest). */
@ExtendWith(CompanionWindow.class)
// the device asks from another network (a forwarded address), so that the confirmation warns
@CompanionWindow.Settings(server = {"trust-proxy=true", "local-issuer.demo-accounts=false"})
class ContrastTest {

    CompanionFixture app;
    final List<String> problems = new ArrayList<>();
    int measured;

    @Test
    void everyTextOnEveryScreenMeetsWcagAaContrast(FxRobot robot) throws Exception {
        check("sign-in");
        app.signIn(robot);
        check("Link");
        robot.clickOn("#codeField").write("wdjb-mj0");
        CompanionFixture.await(() -> !robot.lookup("#codeHint").queryAs(Label.class).getText().isBlank());
        check("Link, a typo explained");
        var code = app.deviceAsksFrom("203.0.113.77", "Game console");
        robot.interact(() -> app.companion.link().codeProperty().set(code.path("user_code").asText()));
        // a button under the pointer is drawn as hovered: the theme's own hover once put its text under AA
        robot.moveTo("#continueButton");
        check("Link, Continue under the pointer");
        Screenshots.save(app.scene, "link-continue-hovered");
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#networkWarning"));
        check("the confirmation, warning of another network");
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        check("the result");
        app.click(robot, "#devicesTab");
        CompanionFixture.await(() -> robot.lookup("#devicesTable").queryAs(TableView.class).getItems().size() == 1);
        check("Devices");
        robot.moveTo("#signOutAllButton");
        check("Devices, Sign out of all devices under the pointer");
        for (String tab : List.of("#requestsTab", "#activityTab", "#settingsTab")) {
            app.click(robot, tab);
            WaitForAsyncUtils.waitForFxEvents();
            check(tab);
        }
        System.out.println(getClass().getSimpleName() + ": " + measured + " pieces of text measured, " + problems.size() + " below AA");
        assertThat(measured).as("text found on the screens").isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    private void check(String screen) throws Exception {
        measured += WaitForAsyncUtils.asyncFx(() -> Contrast.measure(app.scene)).get().size();
        WaitForAsyncUtils.asyncFx(() -> Contrast.belowAaInBothThemes(app.scene)).get().forEach(r -> problems.add(screen + ", " + r));
    }
}
