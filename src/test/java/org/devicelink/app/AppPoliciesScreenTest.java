package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import org.devicelink.app.link.LinkOutcome;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** The apps' rules as a person meets them: which console goes, said before Approve, and "unlink one and link this". */
@ExtendWith(CompanionWindow.class)
class AppPoliciesScreenTest {

    CompanionFixture app;



    JsonNode asks(String clientId, String name) {
        var response = app.server.http().form("/oauth2/device_authorization", Map.of("client_id", clientId, "device_name", name));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    void approveIn(FxRobot robot, JsonNode code) {
        app.click(robot, "#linkTab");
        robot.interact(() -> app.companion.link().startOver());
        robot.clickOn("#codeField").write(code.path("user_code").asText());
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
    }

    @Test
    void theConfirmScreenSaysWhichConsoleGoesAndALimitOffersUnlinkOneAndLinkThis(FxRobot robot) {
        app.server.putApp(new DeviceAppStore.App("test-limited", "Limited TV", List.of("offline_access", "profile"), 1, false));
        app.signIn(robot);

        approveIn(robot, asks("demo-game", "Living-room Switch"));
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> app.companion.link().outcomeProperty().get() instanceof LinkOutcome.Linked);
        approveIn(robot, asks("demo-game", "Bedroom Xbox"));
        assertThat(CompanionFixture.showing(robot, "#signsOutWarning")).isTrue();
        assertThat(robot.lookup("#signsOutWarning").queryAs(Label.class).getText())
                .isEqualTo("Your other console, Living-room Switch, will be signed out: DeviceLink Demo Game allows one console at a "
                        + "time per account.");
        Screenshots.save(app.scene, "confirm-one-console");
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> app.companion.link().outcomeProperty().get() instanceof LinkOutcome.Linked);

        approveIn(robot, asks("test-limited", "Kitchen TV"));
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> app.companion.link().outcomeProperty().get() instanceof LinkOutcome.Linked);
        approveIn(robot, asks("test-limited", "Office TV"));
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#replaceChoices"));
        assertThat(robot.lookup("#resultDetail").queryAs(Label.class).getText()).contains("Limited TV allows one device per account")
                .contains("Kitchen TV");
        Screenshots.save(app.scene, "result-unlink-one-and-link-this");
        String kitchen = app.companion.link().replaceable().getFirst().id();
        robot.clickOn("#replace-" + kitchen);
        CompanionFixture.await(() -> app.companion.link().outcomeProperty().get() instanceof LinkOutcome.Linked);
        assertThat(((LinkOutcome.Linked) app.companion.link().outcomeProperty().get()).device().name()).isEqualTo("Office TV");
    }
}
