package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.devicelink.app.activity.ActivityView;
import org.devicelink.app.link.LinkOutcome;
import org.devicelink.app.link.LinkViewModel;
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Contrast;
import org.devicelink.testing.Drawn;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A family with two companions, end to end against one real server with the demo family: Sam (a child) approves
 * consoles in their companion, and Alex's (the parent's) window shows each request, decides it, links a console
 * straight to Sam, and sees Sam's devices.
 */
@ExtendWith(CompanionWindow.class)
class FamilyScreensTest {

    private static final int ROUNDS = 20;

    @TempDir
    static Path dir;
    CompanionFixture app;
    /** Text below WCAG AA on the family screens, in either theme (the other screens' is ContrastTest's). */
    final List<String> contrast = new ArrayList<>();

    private void belowAa(String screen) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Contrast.belowAaInBothThemes(app.scene)).get().forEach(r -> contrast.add(screen + ", " + r));
    }

    @AfterEach
    void everyFamilyScreenMeetsWcagAaContrast() {
        assertThat(contrast).isEmpty();
    }

    /** Sam types the code and approves it in their own companion; returns when the approval was asked for. */
    static long childApproves(FxRobot robot, Companion child, JsonNode code) {
        robot.interact(() -> {
            child.link().startOver();
            child.link().codeProperty().set(code.path("user_code").asText());
            child.link().lookUp();
        });
        CompanionFixture.await(() -> child.link().stageProperty().get() == LinkViewModel.Stage.CONFIRM);
        long[] asked = new long[1];
        robot.interact(() -> {
            asked[0] = System.nanoTime();
            child.link().approve();
        });
        CompanionFixture.await(() -> child.link().outcomeProperty().get() instanceof LinkOutcome.AwaitingParent);
        return asked[0];
    }

    @Test
    void aChildsRequestReachesTheParentsBadgeUnaskedWhoDecidesItAndLinksAConsoleStraightToTheChild(FxRobot robot) throws Exception {
        app.signIn(robot); // Alex, the parent
        Companion sam = app.anotherCompanion(dir.resolve("sam-" + System.nanoTime()), "sam");
        CompanionFixture.await(() -> app.companion.family().parentProperty().get());

        // when the badge's count changed, seen on the parent's JavaFX thread
        Label badge = robot.lookup("#requestsBadge").queryAs(Label.class);
        var shownAt = new ConcurrentHashMap<String, Long>();
        robot.interact(() -> badge.textProperty().addListener((o, old, now) -> shownAt.putIfAbsent(now, System.nanoTime())));
        long[] millis = new long[ROUNDS];
        JsonNode[] codes = new JsonNode[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            codes[i] = app.deviceAsks("Sam's Switch " + (i + 1), "Nintendo Switch");
            long asked = childApproves(robot, sam, codes[i]);
            String count = String.valueOf(i + 1);
            CompanionFixture.await(() -> shownAt.containsKey(count) && badge.isVisible());
            millis[i] = (shownAt.get(count) - asked) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("a child's approval to the parent's badge: median %d ms, slowest %d ms (%d requests)%n",
                millis[ROUNDS / 2], millis[ROUNDS - 1], ROUNDS);
        assertThat(sam.link().outcomeProperty().get()).isInstanceOf(LinkOutcome.AwaitingParent.class);
        assertThat(app.devicePolls(codes[0]).oauthError()).as("the device still waits").isEqualTo("authorization_pending");

        app.click(robot, "#requestsTab");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#requestsList"));
        Screenshots.save(app.scene, "family-requests");
        belowAa("family-requests");
        // a tab that comes with a role is drawn whole from its first frame, not opened over its neighbours by an animation
        assertThat(WaitForAsyncUtils.asyncFx(() -> {
            TabPane tabs = (TabPane) app.scene.lookup("#tabs");
            Tab requests = tabs.getSelectionModel().getSelectedItem();
            tabs.getTabs().remove(requests);
            tabs.getTabs().add(2, requests);
            tabs.getSelectionModel().select(requests);
            app.scene.getRoot().applyCss();
            app.scene.getRoot().layout();
            return Drawn.squeezedTabs(app.scene.getRoot());
        }).get()).as("tab titles clipped in their headers").isEmpty();
        FamilyRequest newest = app.companion.family().requests().getFirst();
        assertThat(newest.deviceName()).isEqualTo("Sam's Switch " + ROUNDS);
        assertThat(newest.childName()).isEqualTo("Sam Morgan");
        robot.clickOn("#approveRequest-" + newest.id());
        CompanionFixture.await(() -> app.companion.family().requests().size() == ROUNDS - 1);
        assertThat(robot.lookup("#requestsStatus").queryAs(Label.class).getText())
                .isEqualTo("Sam's Switch " + ROUNDS + " is linked to Sam Morgan's account.");
        assertThat(app.devicePolls(codes[ROUNDS - 1]).status()).as("the approved console has its tokens").isEqualTo(200);
        CompanionFixture.await(() -> sam.link().outcomeProperty().get() instanceof LinkOutcome.ParentDecided);
        assertThat(sam.link().outcomeProperty().get()).as("Sam's companion hears what became of it")
                .isEqualTo(new LinkOutcome.ParentDecided("Sam's Switch " + ROUNDS, FamilyRequest.APPROVED));
        FamilyRequest next = app.companion.family().requests().getFirst();
        robot.clickOn("#declineRequest-" + next.id());
        CompanionFixture.await(() -> app.companion.family().requests().size() == ROUNDS - 2);
        assertThat(app.devicePolls(codes[ROUNDS - 2]).oauthError()).isEqualTo("access_denied");
        assertThat(robot.lookup("#requestsBadge").queryAs(Label.class).getText()).isEqualTo(String.valueOf(ROUNDS - 2));

        // a console linked straight to Sam, chosen on the confirm screen
        app.click(robot, "#linkTab");
        var console = app.deviceAsks("Living-room Switch", "Nintendo Switch");
        robot.clickOn("#codeField").write(console.path("user_code").asText());
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#ownerChooser"));
        @SuppressWarnings("unchecked")
        ComboBox<FamilyMember> owner = robot.lookup("#ownerChooser").queryAs(ComboBox.class);
        assertThat(owner.getValue().you()).as("a code starts as one's own").isTrue();
        robot.interact(() -> owner.getSelectionModel().select(owner.getItems().stream().filter(m -> !m.you()).findFirst().orElseThrow()));
        assertThat(robot.lookup("#confirmTitle").queryAs(Label.class).getText()).isEqualTo("Link Living-room Switch to Sam Morgan's "
                + "account?");
        Screenshots.save(app.scene, "confirm-owner-chooser");
        belowAa("confirm-owner-chooser");
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> app.companion.link().outcomeProperty().get() instanceof LinkOutcome.Linked);
        assertThat(app.devicePolls(console).status()).isEqualTo(200);

        // the family's devices, with whose each is and a filter by member
        app.click(robot, "#devicesTab");
        @SuppressWarnings("unchecked")
        TableView<LinkedDevice> table = robot.lookup("#devicesTable").queryAs(TableView.class);
        CompanionFixture.await(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(LinkedDevice::accountName).containsOnly("Sam Morgan");
        assertThat(robot.lookup("#accountColumn").tryQuery()).isPresent();
        Screenshots.save(app.scene, "family-devices");
        belowAa("family-devices");
        @SuppressWarnings("unchecked")
        ComboBox<FamilyMember> whose = robot.lookup("#memberFilter").queryAs(ComboBox.class);
        robot.interact(() -> whose.setValue(whose.getItems().stream().filter(m -> m != null && m.you()).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).as("Alex has no device of their own").isEmpty();
        robot.interact(() -> whose.setValue(null));

        // Sam unlinks one in their own companion: the parent's table follows, with no refresh
        var samsDevices = sam.devices();
        CompanionFixture.await(() -> samsDevices.all().size() == 2);
        robot.interact(() -> samsDevices.unlink(samsDevices.all().getFirst()));
        CompanionFixture.await(() -> table.getItems().size() == 1);

        // the family's activity: newest first, whose each line is, filterable by what happened
        app.click(robot, "#activityTab");
        @SuppressWarnings("unchecked")
        TableView<ActivityEntry> activity = robot.lookup("#activityTable").queryAs(TableView.class);
        CompanionFixture.await(() -> activity.getItems().size() >= ROUNDS + 4);
        assertThat(activity.getItems().getFirst().kind()).as("Sam's unlink, newest").isEqualTo("unlinked");
        assertThat(activity.getItems()).extracting(ActivityEntry::accountName).containsOnly("Sam Morgan");
        Screenshots.save(app.scene, "family-activity");
        belowAa("family-activity");
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#activityKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue("linked"));
        assertThat(activity.getItems()).hasSize(2).allSatisfy(e -> assertThat(e.detail()).isEqualTo("Alex Morgan"));
        assertThat(ActivityView.sentence(activity.getItems().getFirst())).isEqualTo("Linked by Alex Morgan");
    }

    @Test
    void aChildSeesTheirConsoleWaitForAParentAndThenWhatTheParentDecided(FxRobot robot) throws Exception {
        app.signInAs("sam");
        app.signIn(robot);
        Companion alex = app.anotherCompanion(dir.resolve("alex-" + System.nanoTime()), "alex");
        CompanionFixture.await(() -> alex.family().parentProperty().get());
        assertThat(robot.lookup("#requestsTab").tryQuery()).as("a child has nothing to decide").isEmpty();

        var console = app.deviceAsks("Sam's Switch", "Nintendo Switch");
        robot.clickOn("#codeField").write(console.path("user_code").asText());
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        assertThat(CompanionFixture.showing(robot, "#ownerChooser")).as("a child links only to themselves").isFalse();
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        assertThat(robot.lookup("#resultTitle").queryAs(Label.class).getText()).isEqualTo("Sam's Switch is waiting for a parent");
        Screenshots.save(app.scene, "result-awaiting-parent");
        belowAa("result-awaiting-parent");

        CompanionFixture.await(() -> alex.family().requests().size() == 1);
        robot.interact(() -> alex.family().approve(alex.family().requests().getFirst()));
        CompanionFixture.await(() -> robot.lookup("#resultTitle").queryAs(Label.class).getText().startsWith("A parent approved"));
        assertThat(robot.lookup("#resultTitle").queryAs(Label.class).getText()).isEqualTo("A parent approved Sam's Switch");
        Screenshots.save(app.scene, "result-parent-approved");
        belowAa("result-parent-approved");
        assertThat(app.devicePolls(console).status()).isEqualTo(200);

        robot.clickOn("#showDevicesButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#devicesTable"));
        assertThat(CompanionFixture.showing(robot, "#memberFilter")).as("a child sees their own devices only").isFalse();
        assertThat(robot.lookup("#devicesTable").queryAs(TableView.class).getItems()).hasSize(1);
    }
}
