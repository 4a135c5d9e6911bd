package org.devicelink.app.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.devicelink.app.client.ApiFailure;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.code.VerificationLink;
import org.devicelink.device.QrCode;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;
import org.devicelink.testing.FakeLinkApi;
import org.devicelink.testing.ManualClock;
import org.devicelink.testing.TestExecutors;
import org.devicelink.wording.LinkWording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link flow's view model on the calling thread: no window, no server. */
class LinkViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    static final VerificationLink LINK = new VerificationLink(URI.create("https://link.example.org/link"));

    @TempDir
    Path dir;
    final FakeLinkApi api = new FakeLinkApi();

    final ManualClock clock = new ManualClock(NOW);

    LinkViewModel model(UiExecutor executor) {
        return new LinkViewModel(api, LINK, executor, clock);
    }

    LinkViewModel model() {
        return model(TestExecutors.callingThread());
    }

    static PendingLink asking(boolean sameNetwork) {
        return new PendingLink("WDJB-MJHT", "demo-console", "Demo Console", "Kitchen TV", "Frame 55", List.of("play"),
                sameNetwork ? "this computer" : "203.0.113.0/24 (internet)", !sameNetwork, NOW.minusSeconds(30), NOW.plusSeconds(600), 600,
                Map.of(), false);
    }

    static LinkedDevice kitchenTv() {
        return new LinkedDevice("d-1", "Kitchen TV", "Frame 55", "demo-console", "Demo Console", NOW, null, DeviceStatus.ACTIVE, "a-1",
                "Alex Morgan");
    }

    /** Types a code and continues to the confirmation. */
    LinkViewModel confirming(boolean sameNetwork) {
        var model = model();
        api.lookup = () -> asking(sameNetwork);
        model.codeProperty().set("wdjb mjht");
        model.lookUp();
        return model;
    }

    @Test
    void aDigitOrAVowelIsExplainedAsItIsTypedAndAskNobody() {
        var model = model();
        model.codeProperty().set("WDJB-MJH0");
        assertThat(model.hintProperty().get()).contains("no digits").contains("\"0\"");
        assertThat(model.codeCompleteProperty().get()).isFalse();
        model.codeProperty().set("WDJB-MJH5");
        assertThat(model.hintProperty().get()).endsWith("Did you mean S?");
        model.codeProperty().set("WDJB-MJHO");
        assertThat(model.hintProperty().get()).contains("no vowels").contains("\"O\"");
        model.codeProperty().set("WDJB-MJ");
        assertThat(model.hintProperty().get()).as("still being typed").isEmpty();
        model.lookUp();
        assertThat(model.errorProperty().get()).contains("8 letters");
        model.codeProperty().set("wdjb mjht");
        assertThat(model.hintProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).as("typing clears the error").isEmpty();
        assertThat(model.codeCompleteProperty().get()).isTrue();
        assertThat(api.calls).isEmpty();
    }

    @Test
    void aCodeLookedUpShowsWhatIsAskingAndCountsDown() {
        var model = confirming(true);
        assertThat(api.calls).containsExactly("lookup WDJB-MJHT");
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.CONFIRM);
        assertThat(model.pendingProperty().get().deviceName()).isEqualTo("Kitchen TV");
        assertThat(model.secondsLeftProperty().get()).isEqualTo(600);
        assertThat(model.confirmationProperty().get().otherNetwork()).isEmpty();
        assertThat(model.confirmationProperty().get().title()).isEqualTo("Link Kitchen TV to your account?");
        assertThat(model.confirmationProperty().get().details()).extracting(LinkWording.Detail::value).contains("now");
        clock.advance(Duration.ofSeconds(75));
        model.tick();
        assertThat(model.secondsLeftProperty().get()).isEqualTo(525);
        assertThat(model.confirmationProperty().get().details()).as("the confirmation's words follow the clock")
                .extracting(LinkWording.Detail::value).contains("1 minute ago");
        clock.advance(Duration.ofSeconds(625));
        model.tick();
        assertThat(model.secondsLeftProperty().get()).isZero();
    }

    @Test
    void aRequestFromAnotherNetworkIsFlagged() {
        assertThat(confirming(false).confirmationProperty().get().otherNetwork()).hasValueSatisfying(
                warning -> assertThat(warning).contains("different network").contains("203.0.113.0/24"));
    }

    @Test
    void approvingLinksTheDeviceAndTellsWhoeverListens() {
        var model = confirming(true);
        var heard = new ArrayList<LinkedDevice>();
        model.onLinked(heard::add);
        api.approve = LinkViewModelTest::kitchenTv;
        model.approve();
        assertThat(api.calls).containsExactly("lookup WDJB-MJHT", "approve WDJB-MJHT");
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.RESULT);
        assertThat(model.outcomeProperty().get()).isEqualTo(new LinkOutcome.Linked(kitchenTv()));
        assertThat(heard).containsExactly(kitchenTv());
    }

    @Test
    void denyingAndReportingAreToldApart() {
        var model = confirming(true);
        model.deny(false);
        assertThat(model.outcomeProperty().get()).isEqualTo(new LinkOutcome.Denied(false));
        model.startOver();
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.ENTER);
        assertThat(model.codeProperty().get()).isEmpty();
        model.codeProperty().set("WDJB-MJHT");
        model.lookUp();
        model.deny(true);
        assertThat(model.outcomeProperty().get()).isEqualTo(new LinkOutcome.Denied(true));
        assertThat(api.calls).contains("deny WDJB-MJHT", "report WDJB-MJHT");
    }

    @Test
    void eachProblemOfTheServerHasItsOwnSentence() {
        record Case(ApiFailure failure, String says, boolean retry) {}
        var cases = List.of(
                new Case(FakeLinkApi.problem(ProblemType.CODE_EXPIRED, "x"), "This code has expired. Ask the device for a new code.",
                        false),
                new Case(FakeLinkApi.problem(ProblemType.CODE_USED, "x"), "This code has already been used. If the device still shows it, "
                        + "ask the device for a new code.", false),
                new Case(new ApiFailure(ProblemType.TOO_MANY_ATTEMPTS, "x", 900L, null),
                        "Too many wrong codes. Wait 15 minutes, then check the code on your device and try again.", false),
                new Case(FakeLinkApi.problem(ProblemType.DEVICE_LIMIT_REACHED, "Limited TV allows 1 devices per account, and this account "
                        + "has them: Kitchen TV. Unlink one of them and link this one."), "Limited TV allows 1 devices per account, and "
                                + "this "
                        + "account has them: Kitchen TV. Unlink one of them and link this one.", false),
                                // only the server knows the app's devices
                new Case(FakeLinkApi.problem(ProblemType.UNAUTHENTICATED, "x"),
                        "Your sign-in has ended. Sign in again from the account menu, then try again.", false),
                new Case(FakeLinkApi.problem(ProblemType.NOT_ALLOWED, "You can link devices to your own account only."),
                        "You are not allowed to do that: You can link devices to your own account only.", false),
                new Case(ApiFailure.unreachable("link.example.org", null), "Cannot reach the DeviceLink server at link.example.org. "
                        + "Check your connection and that the server is running, then try again.", true));
        for (Case c : cases) {
            var model = confirming(true);
            api.approve = () -> { throw c.failure(); };
            model.approve();
            var outcome = (LinkOutcome.Failed) model.outcomeProperty().get();
            assertThat(outcome.message()).as(c.failure().type().map(Enum::name).orElse("unreachable")).isEqualTo(c.says());
            assertThat(outcome.retry()).isEqualTo(c.retry());
            model.retry();
            assertThat(model.stageProperty().get()).as("try again goes back to the same confirmation")
                    .isEqualTo(LinkViewModel.Stage.CONFIRM);
        }
        var model = model();
        api.lookup = () -> { throw FakeLinkApi.problem(ProblemType.CODE_NOT_FOUND, "x"); };
        model.codeProperty().set("WDJB-MJHT");
        model.lookUp();
        assertThat(model.errorProperty().get()).isEqualTo("No device is waiting with this code. Check it against the code on your "
                + "device's screen.");
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.ENTER);
    }

    @Test
    void whileARequestRunsTheScreenIsBusyAndAfterwardsItIsNot() {
        var held = new TestExecutors.Held();
        var model = model(held.executor);
        api.lookup = () -> asking(true);
        model.codeProperty().set("WDJB-MJHT");
        model.lookUp();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.ENTER);
        held.finish();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.CONFIRM);
    }

    @Test
    void anErrorInARequestStillFreesTheScreen() {
        var model = confirming(true);
        api.approve = () -> { throw new StackOverflowError("deep"); };
        model.approve();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(((LinkOutcome.Failed) model.outcomeProperty().get()).message()).isEqualTo("Something went wrong: deep");
    }

    @Test
    void aPictureOfOurQrGoesStraightToTheConfirmationAndEveryOtherPictureSaysWhatItIs() throws Exception {
        var model = model();
        api.lookup = () -> asking(true);
        Path ours = dir.resolve("ours.png");
        QrCode.of("https://link.example.org/link?code=WDJB-MJHT").writePng(ours, 5);
        model.scanFile(ours);
        assertThat(model.codeProperty().get()).isEqualTo("WDJB-MJHT");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(api.calls).containsExactly("lookup WDJB-MJHT");
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.CONFIRM);
        model.startOver();
        api.calls.clear();

        Path foreign = dir.resolve("foreign.png");
        QrCode.of("https://link.example.org.evil.example/link?code=WDJB-MJHT").writePng(foreign, 5);
        model.scanFile(foreign);
        assertThat(model.errorProperty().get()).contains("link.example.org.evil.example").contains("phishing");

        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        model.scanFile(blank);
        assertThat(model.errorProperty().get()).isEqualTo("No QR code was found in blank.png. Try a sharper picture, or type the code "
                + "instead.");

        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "hello");
        model.scanFile(notes);
        assertThat(model.errorProperty().get()).startsWith("Could not open notes.txt: not a picture");

        model.acceptLink("devicelink://link?code=BCDF-GHJK");
        assertThat(model.codeProperty().get()).isEqualTo("BCDF-GHJK");
        assertThat(api.calls).as("a clicked link waits for Continue").isEmpty();
        assertThat(model.stageProperty().get()).isEqualTo(LinkViewModel.Stage.ENTER);
    }
}
