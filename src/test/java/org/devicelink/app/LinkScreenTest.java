package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import org.devicelink.device.QrCode;
import org.devicelink.scan.QrPictures;
import org.devicelink.scan.VideoSourceTest;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Link screen with real controls against a real server: typing, confirming, approving, denying, failures. */
@ExtendWith(CompanionWindow.class)
@CompanionWindow.Settings(server = {"limit.account-failures=3", "trust-proxy=true", "local-issuer.demo-accounts=false"})
class LinkScreenTest {

    @TempDir
    static Path dir;
    CompanionFixture app;



    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** A label's text as it is drawn, which JavaFX cuts to "…" when the label has too little room. */
    static String shown(FxRobot robot, String id) {
        var drawn = robot.lookup(id).queryAs(Label.class).lookup(".text");
        return drawn instanceof Text text ? text.getText() : "";
    }

    TextField codeField(FxRobot robot) {
        return robot.lookup("#codeField").queryAs(TextField.class);
    }

    void typeCode(FxRobot robot, String typed) {
        robot.clickOn("#codeField");
        robot.interact(() -> codeField(robot).clear());
        robot.write(typed);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A device asks for a code; the person types it and continues to the confirmation. */
    JsonNode confirmNewDevice(FxRobot robot) {
        var code = app.deviceAsks("Console", "X");
        typeCode(robot, code.path("user_code").asText());
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        return code;
    }

    /** RFC 10027's advice: Deny is as prominent as Approve, and no key approves by default: the keyboard starts on Deny. */
    @Test
    void enterNeverApprovesAndDenyIsAsProminentAsApprove(FxRobot robot) {
        app.signIn(robot);
        var code = confirmNewDevice(robot);
        Button approve = robot.lookup("#approveButton").queryAs(Button.class);
        Button deny = robot.lookup("#denyButton").queryAs(Button.class);
        assertThat(approve.isDefaultButton()).isFalse();
        assertThat(deny.getStyleClass()).containsExactlyInAnyOrderElementsOf(approve.getStyleClass());
        assertThat(deny.getParent().getChildrenUnmodifiable().indexOf(deny)).as("Deny comes first")
                .isLessThan(approve.getParent().getChildrenUnmodifiable().indexOf(approve));
        CompanionFixture.await(deny::isFocused);
        Screenshots.save(app.scene, "confirm-deny-first-light");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        CompanionFixture.await(() -> !CompanionFixture.showing(robot, "#approveButton"));
        assertThat(app.devicePolls(code).oauthError()).as("Enter denied").isEqualTo("access_denied");
    }

    @Test
    void theCodeIsFormattedAsItIsTypedAndTyposAreExplainedAtOnce(FxRobot robot) {
        app.signIn(robot);
        typeCode(robot, "wdjb mjh0");
        assertThat(codeField(robot).getText()).isEqualTo("WDJB-MJH0");
        assertThat(text(robot, "#codeHint")).contains("no digits").contains("\"0\"");
        assertThat(robot.lookup("#continueButton").queryAs(Button.class).isDisabled()).isTrue();
        Screenshots.save(app.scene, "link-typo-light");

        typeCode(robot, "wdjbmjho");
        assertThat(text(robot, "#codeHint")).contains("no vowels");
        typeCode(robot, "wdjb-mjh5");
        assertThat(text(robot, "#codeHint")).contains("Did you mean S?");

        typeCode(robot, "wdjbmjhz");
        assertThat(codeField(robot).getText()).isEqualTo("WDJB-MJHZ");
        assertThat(text(robot, "#codeHint")).isEmpty();
        robot.type(KeyCode.ENTER); // keyboard only: Enter in the field continues
        CompanionFixture.await(() -> !text(robot, "#linkError").isEmpty());
        assertThat(text(robot, "#linkError")).contains("No device is waiting with this code");
    }

    @Test
    void aPersonSeesWhatIsAskingAndApprovesIt(FxRobot robot) {
        app.signIn(robot);
        var code = app.deviceAsks("Living room TV", "Bravia X90");
        typeCode(robot, code.path("user_code").asText().toLowerCase());
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        assertThat(text(robot, "#confirmTitle")).isEqualTo("Link Living room TV to your account?");
        assertThat(text(robot, "#confirmAccount")).as("which account, named").isEqualTo("Alex Morgan (alex)");
        assertThat(text(robot, "#confirmApp")).isEqualTo("DeviceLink Demo Console");
        assertThat(text(robot, "#confirmModel")).isEqualTo("Bravia X90");
        assertThat(text(robot, "#confirmNetwork")).isEqualTo("this computer");
        assertThat(text(robot, "#confirmCode")).isEqualTo(code.path("user_code").asText());
        assertThat(text(robot, "#confirmCountdown")).matches("Code expires in (9:\\d\\d|10:00)");
        assertThat(CompanionFixture.showing(robot, "#networkWarning")).isFalse();
        Screenshots.save(app.scene, "confirm-light");

        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        assertThat(text(robot, "#resultTitle")).isEqualTo("Living room TV is linked");
        Screenshots.save(app.scene, "result-linked-light");
        assertThat(app.devicePolls(code).status()).isEqualTo(200);

        robot.clickOn("#showDevicesButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#devicesTable"));
    }

    @Test
    void aRequestFromAnotherNetworkIsFlaggedOnTheConfirmation(FxRobot robot) {
        app.signIn(robot);
        var code = app.deviceAsksFrom("203.0.113.77", "Hotel TV");
        typeCode(robot, code.path("user_code").asText());
        robot.type(KeyCode.ENTER);
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
        assertThat(CompanionFixture.showing(robot, "#networkWarning")).isTrue();
        assertThat(text(robot, "#networkWarning")).startsWith("This request came from a different network (203.0.113.0/24 (internet))")
                .contains("someone may be trying to trick you");
        assertThat(text(robot, "#confirmNetwork")).isEqualTo("203.0.113.0/24 (internet)");
        assertThat(shown(robot, "#networkWarning")).as("the warning as drawn: whole, not cut to …")
                .isEqualTo(text(robot, "#networkWarning"));
        Screenshots.save(app.scene, "confirm-other-network-light");
    }

    @Test
    void aCodeSomeoneElseApprovedMeanwhileSaysItIsUsed(FxRobot robot) {
        app.signIn(robot);
        var code = confirmNewDevice(robot);
        String bob = app.server.issuer.token("bob-subject", "Bob");
        assertThat(app.server.http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", bob, "{}").status())
                .isEqualTo(200);
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        assertThat(text(robot, "#resultTitle")).isEqualTo("The device was not linked");
        assertThat(text(robot, "#resultDetail")).isEqualTo("This code has already been used. If the device still shows it, "
                + "ask the device for a new code.");
        assertThat(CompanionFixture.showing(robot, "#retryButton")).isFalse();
        Screenshots.save(app.scene, "result-used-light");
    }

    @Test
    void iDidntStartThisDeniesAndTheDeviceIsTold(FxRobot robot) {
        app.signIn(robot);
        var code = app.deviceAsks("Unknown console", "X");
        typeCode(robot, code.path("user_code").asText());
        robot.clickOn("#continueButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#reportLink"));
        robot.clickOn("#reportLink");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        assertThat(text(robot, "#resultTitle")).isEqualTo("Denied and reported");
        assertThat(app.devicePolls(code).oauthError()).isEqualTo("access_denied");
        // the server kept the report: on the request, and in the account's activity
        assertThat(app.server.query("SELECT status, reported FROM pending_links WHERE device_name = ?", "Unknown console"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("denied");
                    assertThat(row.get("reported")).isEqualTo(true);
                });
        assertThat(app.server.query("SELECT kind FROM activity WHERE device_name = ?", "Unknown console"))
                .extracting(row -> row.get("kind")).containsExactly("reported");
        Screenshots.save(app.scene, "result-reported-light");
    }

    @Test
    void anExpiredCodeSaysToAskTheDeviceForANewOne(FxRobot robot) {
        app.signIn(robot);
        confirmNewDevice(robot);
        app.server.clock.advance(Duration.ofSeconds(601));
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        assertThat(text(robot, "#resultDetail")).isEqualTo("This code has expired. Ask the device for a new code.");
        assertThat(CompanionFixture.showing(robot, "#retryButton")).isFalse();
        Screenshots.save(app.scene, "result-expired-light");
    }

    @Test
    void tooManyWrongCodesSayHowLongToWait(FxRobot robot) {
        app.signIn(robot);
        for (String wrong : new String[] {"BBBBBBBB", "CCCCCCCC", "DDDDDDDD", "FFFFFFFF"}) {
            typeCode(robot, wrong);
            robot.clickOn("#continueButton");
            CompanionFixture.await(() -> !text(robot, "#linkError").isEmpty());
        }
        assertThat(text(robot, "#linkError")).startsWith("Too many wrong codes. Wait 15 minutes");
        Screenshots.save(app.scene, "link-locked-light");
    }

    @Test
    void anUnreachableServerOffersARetry(FxRobot robot) {
        app.signIn(robot);
        confirmNewDevice(robot);
        app.server.server().close();
        robot.clickOn("#approveButton");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));
        assertThat(text(robot, "#resultDetail")).startsWith("Cannot reach the DeviceLink server");
        assertThat(CompanionFixture.showing(robot, "#retryButton")).isTrue();
        app.server.start(); // for the fixture's clean-up
    }

    @Test
    void aQrPictureGoesStraightToTheConfirmationADeepLinkFillsTheCodeAndAForeignQrIsRefused(FxRobot robot) throws Exception {
        app.signIn(robot);
        var code = app.deviceAsks("Console", "X");
        Path ours = dir.resolve("ours-" + System.nanoTime() + ".png");
        QrCode.of(code.path("verification_uri_complete").asText()).writePng(ours, 6);
        robot.interact(() -> app.companion.link().scanFile(ours));
        awaitConfirmation(robot, code.path("user_code").asText());
        robot.clickOn("#confirmBack");

        Path foreign = dir.resolve("foreign-" + System.nanoTime() + ".png");
        QrCode.of("https://devicelink-login.example.net/link?code=WDJB-MJHT").writePng(foreign, 6);
        robot.interact(() -> app.companion.link().scanFile(foreign));
        CompanionFixture.await(() -> !text(robot, "#linkError").isEmpty());
        assertThat(text(robot, "#linkError")).contains("devicelink-login.example.net").contains("phishing");
        Screenshots.save(app.scene, "link-foreign-qr-light");

        // a deep link carries another device's code: the field changes to it (the scans' code was there before)
        var second = app.deviceAsks("Console", "Y");
        robot.interact(() -> app.companion.link().acceptLink("devicelink://link?code=" + second.path("user_code").asText()));
        assertThat(codeField(robot).getText()).isEqualTo(second.path("user_code").asText()).isNotEqualTo(code.path("user_code").asText());
        assertThat(text(robot, "#linkError")).isEmpty();
        robot.interact(() -> app.companion.link().acceptLink("devicelink://settings?code=WDJB-MJHT"));
        assertThat(text(robot, "#linkError")).isEqualTo("This DeviceLink link does not open the link screen.");
        assertThat(codeField(robot).getText()).isEqualTo(second.path("user_code").asText());
    }

    @Test
    void theCameraDialogPreviewsOutlinesAndGoesToTheConfirmation(FxRobot robot) throws Exception {
        app.signIn(robot);
        var code = app.deviceAsks("Console", "X");
        // the "webcam": a video of an empty room, then the device's QR
        Path video = dir.resolve("camera-" + System.nanoTime() + ".avi");
        app.cameraVideo = VideoSourceTest.video(video, null);
        robot.clickOn("#scanButton .arrow-button").clickOn("#scanCamera");
        CompanionFixture.await(() -> robot.lookup("#cameraStatus").tryQuery().isPresent()
                && robot.lookup("#cameraStatus").queryAs(Label.class).getText().startsWith("The video has ended"));
        Label status = robot.lookup("#cameraStatus").queryAs(Label.class);
        Screenshots.save(status.getScene(), "camera-dialog-preview");
        robot.clickOn("#cameraCancel");
        CompanionFixture.await(() -> robot.lookup("#cameraStatus").tryQuery().isEmpty());

        app.noCamera = true;
        robot.clickOn("#scanButton .arrow-button").clickOn("#scanCamera");
        CompanionFixture.await(() -> robot.lookup("#cameraStatus").tryQuery().isPresent()
                && robot.lookup("#cameraStatus").queryAs(Label.class).getText().startsWith("No camera was found"));
        assertThat(robot.lookup("#cameraStatus").queryAs(Label.class).getText())
                .isEqualTo("No camera was found. Connect a webcam and try again, or type the code instead.");
        robot.clickOn("#cameraCancel");
        CompanionFixture.await(() -> robot.lookup("#cameraStatus").tryQuery().isEmpty());
        app.noCamera = false;

        app.cameraVideo = dir.resolve("no-such-camera.avi");
        robot.clickOn("#scanButton .arrow-button").clickOn("#scanCamera");
        CompanionFixture.await(() -> robot.lookup("#cameraStatus").tryQuery().isPresent()
                && robot.lookup("#cameraStatus").queryAs(Label.class).getText().startsWith("There is no video"));
        Screenshots.save(robot.lookup("#cameraStatus").queryAs(Label.class).getScene(), "camera-dialog-no-camera");
        robot.clickOn("#cameraCancel");

        // two cameras: the choice shows; the one pointed at the QR fills the code, closes the dialog and is remembered
        app.cameraVideo = video;
        app.secondCameraVideo = VideoSourceTest.video(dir.resolve("qr-" + System.nanoTime() + ".avi"),
                code.path("verification_uri_complete").asText());
        robot.clickOn("#scanButton .arrow-button").clickOn("#scanCamera");
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#cameraChoice")
                && robot.lookup("#cameraStatus").queryAs(Label.class).getText().startsWith("The video has ended"));
        var dialog = robot.lookup("#cameraChoice").query().getScene();
        Screenshots.save(dialog, "camera-dialog-choice");
        robot.clickOn("#cameraChoice").clickOn("Desk camera");
        CompanionFixture.await(() -> codeField(robot).getText().equals(code.path("user_code").asText()));
        Screenshots.save(dialog, "camera-dialog-found"); // the frame it was read in, outlined, for a moment
        CompanionFixture.await(() -> robot.lookup("#cameraStatus").tryQuery().isEmpty());
        assertThat(app.rememberedCamera).isEqualTo("Desk camera");
        awaitConfirmation(robot, code.path("user_code").asText());
    }

    @Test
    void scanningTheScreenGoesToTheConfirmationOrSaysWhatToDoInstead(FxRobot robot) throws Exception {
        app.signIn(robot);
        // the real screen source, on a display that cannot be captured (Monocle): it says so and what to do instead
        robot.clickOn("#scanButton").clickOn("#scanScreen");
        CompanionFixture.await(() -> !text(robot, "#linkError").isEmpty());
        assertThat(text(robot, "#linkError")).contains("The screen could not be read").contains("Picture file");
        Screenshots.save(app.scene, "link-screen-unavailable-light");

        // a full-HD "screen": a web page with an app-store QR, and a chat where the customer's screenshot shows the
        // device's small QR; the device's is taken, the other passed over
        var code = app.deviceAsks("Console", "X");
        String link = code.path("verification_uri_complete").asText();
        app.screenPicture = QrPictures.desktop(link, 3, dir.resolve("screen-" + System.nanoTime() + ".png"));
        robot.clickOn("#scanButton"); // Scan does again what it did last: the screen, with no menu (Scan, then Approve)
        awaitConfirmation(robot, code.path("user_code").asText());
        robot.clickOn("#confirmBack");
        assertThat(text(robot, "#linkError")).isEmpty();

        // a thumbnail of the screenshot (1.3-pixel modules: 0 of 100 such codes read on the whole screen, 100 of 100
        // cut out) cannot be read on the whole screen: the person drags round it on the picture of the screen, and the
        // cut-out, enlarged, reads
        var second = app.deviceAsks("Console", "X");
        String secondLink = second.path("verification_uri_complete").asText();
        double module = 1.3;
        app.screenPicture = QrPictures.desktop(secondLink, module, dir.resolve("thumbnail-" + System.nanoTime() + ".png"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL); // the shortcut
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#regionPicker"));
        var picture = robot.lookup("#regionPicker .image-view").queryAs(ImageView.class);
        var shown = picture.localToScreen(picture.getBoundsInLocal());
        double scale = shown.getWidth() / 1920;
        double side = QrCode.of(secondLink).size() * module;
        double x0 = shown.getMinX() + (QrPictures.DEVICE_QR_X - 10) * scale;
        double y0 = shown.getMinY() + (QrPictures.DEVICE_QR_Y - 10) * scale;
        double x1 = shown.getMinX() + (QrPictures.DEVICE_QR_X + side + 10) * scale;
        double y1 = shown.getMinY() + (QrPictures.DEVICE_QR_Y + side + 10) * scale;
        robot.drag(x0, y0, MouseButton.PRIMARY).moveTo(new Point2D(x1, y1));
        Screenshots.save(picture.getScene(), "screen-region-picker");
        robot.release(MouseButton.PRIMARY);
        awaitConfirmation(robot, second.path("user_code").asText());
        assertThat(CompanionFixture.showing(robot, "#regionPicker")).isFalse();
    }

    @Test
    void aPastedScreenshotOfTheQrGoesToTheConfirmation(FxRobot robot) throws Exception {
        app.signIn(robot);
        var code = app.deviceAsks("Console", "X");
        Path png = dir.resolve("pasted-" + System.nanoTime() + ".png");
        QrCode.of(code.path("verification_uri_complete").asText()).writePng(png, 5);
        var loaded = new Image(png.toUri().toString());
        // a screenshot is RGB: copy the 1-bit PNG into an ARGB image as a screenshot tool would
        var image = new WritableImage(loaded.getPixelReader(), (int) loaded.getWidth(), (int) loaded.getHeight());
        robot.interact(() -> Clipboard.getSystemClipboard()
                .setContent(Map.of(DataFormat.IMAGE, image)));
        robot.clickOn("#codeField").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        awaitConfirmation(robot, code.path("user_code").asText());
    }

    /** A scan of ours goes on by itself: the confirmation shows the device's code, to compare. */
    private static void awaitConfirmation(FxRobot robot, String userCode) {
        CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton")
                && robot.lookup("#confirmCode").queryAs(Label.class).getText().equals(userCode));
    }
}
