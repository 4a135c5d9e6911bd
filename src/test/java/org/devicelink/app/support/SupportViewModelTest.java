package org.devicelink.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.devicelink.app.client.ApiFailure;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.protocol.CodeStory;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.Me;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.protocol.SupportLookup;
import org.devicelink.testing.FakeLinkApi;
import org.devicelink.testing.TestExecutors;
import org.junit.jupiter.api.Test;

/** The Support screen's view model on the calling thread: a code a customer reads out, its story, the customer's devices. */
class SupportViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    static final CodeStory LINKED = new CodeStory("WDJB-MJHT", "linked", false, "Demo Console", "Living-room Switch", "Switch",
            "this computer", List.of(new CodeStory.Event(NOW, "issued", null),
                    new CodeStory.Event(NOW.plusSeconds(60), "approved", "A. M."),
                    new CodeStory.Event(NOW.plusSeconds(62), "collected", null)),
            "c-1", false);
    static final CodeStory WAITING = new CodeStory("BCDF-GHJK", "waiting", true, "Demo TV", "Kitchen TV", "Frame 55", "this computer",
            List.of(new CodeStory.Event(NOW, "issued", null)), null, false);
    static final LinkedDevice SWITCH = new LinkedDevice("d-1", "Living-room Switch", "Switch", "demo-console", "Demo Console", NOW,
            null, DeviceStatus.ACTIVE, "c-1", "A. M.");
    static final String REASON = "Customer says the Switch keeps asking to sign in";

    final FakeLinkApi api = new FakeLinkApi();

    SupportViewModel model(UiExecutor executor) {
        return new SupportViewModel(api, executor);
    }

    SupportViewModel model() {
        return model(TestExecutors.callingThread());
    }

    /** Looks up the code of {@code story}, which the server answers with it. */
    SupportViewModel lookedUp(CodeStory story) {
        var model = model();
        api.story = () -> story;
        model.codeProperty().set(story.code());
        model.lookUp();
        return model;
    }

    @Test
    void aCodeTheCustomerReadsOutIsLookedUpAndItsStoryShown() {
        var model = model();
        api.story = () -> LINKED;
        model.codeProperty().set("wdjb mjht");
        model.lookUp();
        assertThat(api.calls).containsExactly("support lookup WDJB-MJHT");
        assertThat(model.storyProperty().get()).isEqualTo(LINKED);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aCodeThatIsNotACodeIsExplainedAndAsksNobody() {
        var model = model();
        model.codeProperty().set("WDJB-MJH0");
        model.lookUp();
        assertThat(model.errorProperty().get()).isEqualTo("Codes have no digits, so \"0\" cannot be in a code. Check the code on your "
                + "device.");
        model.codeProperty().set("WDJB-MJH5");
        assertThat(model.errorProperty().get()).as("typing clears the error").isEmpty();
        model.lookUp();
        assertThat(model.errorProperty().get()).isEqualTo("Codes have no digits, so \"5\" cannot be in a code. Did you mean S?");
        model.codeProperty().set("wdjb-mjha");
        model.lookUp();
        assertThat(model.errorProperty().get()).isEqualTo("Codes have no vowels, so \"A\" cannot be in a code. Check the code on your "
                + "device.");
        model.codeProperty().set("WDJB-MJ");
        model.lookUp();
        assertThat(model.errorProperty().get()).isEqualTo("The code has 8 letters, like WDJB-MJHT.");
        model.codeProperty().set("   ");
        model.lookUp();
        assertThat(model.errorProperty().get()).isEqualTo("Type the code shown on your device.");
        assertThat(api.calls).as("a typo spends no lookup").isEmpty();
        assertThat(model.storyProperty().get()).isNull();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aProblemFromTheServerIsShownAsItsSentence() {
        record Case(ApiFailure failure, String says) {}
        var cases = List.of(
                new Case(FakeLinkApi.problem(ProblemType.SUPPORT_ONLY, "x"),
                        "Only support staff can do that. Sign in with your support account."),
                new Case(new ApiFailure(ProblemType.SUPPORT_LIMIT, "x", 120L, null),
                        "You have looked up many codes and accounts in a short time. Wait 2 minutes, then go on: every lookup is audited."),
                new Case(ApiFailure.unreachable("link.example.org", null), "Cannot reach the DeviceLink server at link.example.org. "
                        + "Check your connection and that the server is running, then try again."));
        for (Case c : cases) {
            var model = model();
            api.story = () -> { throw c.failure(); };
            model.codeProperty().set("WDJB-MJHT");
            model.lookUp();
            String which = c.failure().type().map(Enum::name).orElse("unreachable");
            assertThat(model.errorProperty().get()).as(which).isEqualTo(c.says());
            assertThat(model.storyProperty().get()).as(which).isNull();
            assertThat(model.busyProperty().get()).as(which).isFalse();
        }
        assertThat(api.calls).containsOnly("support lookup WDJB-MJHT").hasSize(cases.size());
    }

    @Test
    void theCustomersDevicesNeedAWrittenReasonWhichIsSentAsWritten() {
        var model = lookedUp(LINKED);
        api.customerDevices = () -> List.of(SWITCH);
        for (String tooLittle : List.of("", "          ", "x".repeat(SupportLookup.MIN_REASON - 1),
                "x".repeat(SupportLookup.MAX_REASON + 1))) {
            model.reasonProperty().set(tooLittle);
            assertThat(model.reasonGivenProperty().get()).as("a reason of %d characters", tooLittle.strip().length()).isFalse();
            model.showCustomerDevices();
        }
        assertThat(api.calls).as("no reason, no lookup").containsExactly("support lookup WDJB-MJHT");
        assertThat(model.customerDevices()).isEmpty();

        model.reasonProperty().set("x".repeat(SupportLookup.MIN_REASON));
        assertThat(model.reasonGivenProperty().get()).isTrue();
        model.reasonProperty().set("x".repeat(SupportLookup.MAX_REASON));
        assertThat(model.reasonGivenProperty().get()).isTrue();
        model.reasonProperty().set("  " + REASON + "  ");
        assertThat(model.reasonGivenProperty().get()).isTrue();
        model.showCustomerDevices();
        assertThat(api.calls).containsExactly("support lookup WDJB-MJHT", "customer devices c-1 because " + REASON);
        assertThat(model.customerDevices()).containsExactly(SWITCH);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aCodeThatWentToNoAccountHasNoCustomerToLookAt() {
        var model = lookedUp(WAITING);
        model.reasonProperty().set(REASON);
        model.showCustomerDevices();
        assertThat(api.calls).containsExactly("support lookup BCDF-GHJK");
        assertThat(model.customerDevices()).isEmpty();
    }

    @Test
    void lookingUpAnotherCodeForgetsTheLastCustomersDevices() {
        var model = lookedUp(LINKED);
        api.customerDevices = () -> List.of(SWITCH);
        model.reasonProperty().set(REASON);
        model.showCustomerDevices();
        assertThat(model.customerDevices()).containsExactly(SWITCH);
        api.story = () -> WAITING;
        model.codeProperty().set("BCDF-GHJK");
        model.lookUp();
        assertThat(model.storyProperty().get()).isEqualTo(WAITING);
        assertThat(model.customerDevices()).isEmpty();
    }

    @Test
    void whileALookupRunsTheScreenIsBusyAndAnErrorStillFreesIt() {
        var held = new TestExecutors.Held();
        var model = model(held.executor);
        api.story = () -> LINKED;
        model.codeProperty().set("WDJB-MJHT");
        model.lookUp();
        assertThat(model.busyProperty().get()).isTrue();
        held.finish();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.storyProperty().get()).isEqualTo(LINKED);

        api.customerDevices = () -> { throw new StackOverflowError("deep"); };
        model.reasonProperty().set(REASON);
        model.showCustomerDevices();
        assertThat(model.busyProperty().get()).as("while the devices are asked for").isTrue();
        held.finish();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Something went wrong: deep");

        api.story = () -> { throw FakeLinkApi.problem(ProblemType.SUPPORT_ONLY, "x"); };
        model.lookUp();
        assertThat(model.busyProperty().get()).isTrue();
        held.finish();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Only support staff can do that. Sign in with your support account.");
    }

    @Test
    void onlySupportStaffSeeTheScreenAndAnotherSignInForgetsTheLastCustomer() {
        var model = model();
        api.me = () -> new Me("r-1", "Riley Support", List.of(Role.SUPPORT));
        model.signedIn(true);
        assertThat(model.enabledProperty().get()).isTrue();
        api.story = () -> LINKED;
        model.codeProperty().set("WDJB-MJHT");
        model.lookUp();
        api.customerDevices = () -> List.of(SWITCH);
        model.reasonProperty().set(REASON);
        model.showCustomerDevices();
        assertThat(model.customerDevices()).containsExactly(SWITCH);

        api.me = () -> new Me("a-1", "Alex Morgan", List.of(Role.MEMBER));
        model.signedIn(true);
        assertThat(model.enabledProperty().get()).as("a customer has no Support screen").isFalse();
        assertThat(model.storyProperty().get()).isNull();
        assertThat(model.customerDevices()).isEmpty();
        assertThat(model.codeProperty().get()).isEmpty();
        assertThat(model.reasonProperty().get()).isEmpty();

        api.me = () -> { throw ApiFailure.unreachable("link.example.org", null); };
        model.signedIn(true);
        assertThat(model.enabledProperty().get()).as("who it is cannot be known").isFalse();
        model.signedIn(false);
        assertThat(api.calls).as("signing out asks nobody").containsExactly("me", "support lookup WDJB-MJHT",
                "customer devices c-1 because " + REASON, "me", "me");
    }
}
