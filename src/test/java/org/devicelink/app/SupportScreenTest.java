package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.devicelink.app.link.LinkOutcome;
import org.devicelink.app.link.LinkViewModel;
import org.devicelink.code.UserCode;
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
 * Riley (the demo support account) verifies codes customers read out, in a real window against a real server,
 * while Alex, a customer, links a console in their own companion.
 */
@ExtendWith(CompanionWindow.class)
class SupportScreenTest {

    @TempDir
    static Path dir;
    CompanionFixture app;



    void lookUp(FxRobot robot, String code) {
        robot.interact(() -> robot.lookup("#supportCode").queryAs(TextField.class).setText(code));
        robot.clickOn("#supportLookUp");
    }

    String verdict(FxRobot robot) {
        return robot.lookup("#supportVerdict").queryAs(Label.class).getText();
    }

    @Test
    void supportSeesACodeValidThenItsStoryThenWithAReasonTheCustomersDevices(FxRobot robot) throws Exception {
        app.signInAs("riley");
        app.signIn(robot);
        CompanionFixture.await(() -> robot.lookup("#supportTab").tryQuery().isPresent());
        assertThat(robot.lookup("#requestsTab").tryQuery()).isEmpty();
        app.click(robot, "#supportTab");

        var console = app.deviceAsks("Living-room Switch", "Nintendo Switch");
        String code = console.path("user_code").asText();
        lookUp(robot, code.toLowerCase());
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#supportResult"));
        assertThat(verdict(robot)).isEqualTo(code + " is valid: a device is waiting for its person to approve it.");
        Screenshots.save(app.scene, "support-valid");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Contrast.belowAaInBothThemes(app.scene)).get()).as("text contrast, WCAG AA").isEmpty();

        Companion alex = app.anotherCompanion(dir.resolve("alex-" + System.nanoTime()), "alex");
        robot.interact(() -> {
            alex.link().codeProperty().set(code);
            alex.link().lookUp();
        });
        CompanionFixture.await(() -> alex.link().stageProperty().get() == LinkViewModel.Stage.CONFIRM);
        robot.interact(() -> alex.link().approve());
        CompanionFixture.await(() -> alex.link().outcomeProperty().get() instanceof LinkOutcome.Linked);
        assertThat(app.devicePolls(console).status()).isEqualTo(200);

        lookUp(robot, code);
        CompanionFixture.await(() -> verdict(robot).contains("was used"));
        var story = robot.lookup("#supportStory").queryAs(VBox.class);
        CompanionFixture.await(() -> story.getChildren().size() == 4);
        assertThat(((Label) story.getChildren().get(2)).getText()).endsWith("Approved by A. M.");
        assertThat(((Label) story.getChildren().get(3)).getText()).endsWith("The device signed in");

        robot.clickOn("#supportReason").write("Customer says the Switch keeps asking to sign in");
        robot.clickOn("#supportShowDevices");
        @SuppressWarnings("unchecked")
        ListView<Object> devices = robot.lookup("#supportDevices").queryAs(ListView.class);
        CompanionFixture.await(() -> devices.getItems().size() == 1);
        Screenshots.save(app.scene, "support-story-and-devices");

        // the customer reads a waiting code with one letter wrong: support hears that one close by waits, not which
        var other = app.deviceAsks("Kitchen TV", "Frame");
        UserCode waiting = ((UserCode.Parsed.Valid) UserCode.parse(other.path("user_code").asText())).code();
        lookUp(robot, waiting.neighbours().iterator().next().display());
        CompanionFixture.await(() -> verdict(robot).startsWith("No device ever showed"));
        assertThat(CompanionFixture.showing(robot, "#supportHint")).isTrue();
        assertThat(CompanionFixture.showing(robot, "#supportReason")).as("no customer to look at").isFalse();
        Screenshots.save(app.scene, "support-near-miss");

        lookUp(robot, "WDJB-MJH0");
        CompanionFixture.await(() -> !robot.lookup("#supportError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#supportError").queryAs(Label.class).getText()).contains("no digits");
    }
}
