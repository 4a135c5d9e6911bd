package org.devicelink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.devicelink.i18n.Messages;
import org.devicelink.testing.CompanionFixture;
import org.devicelink.testing.CompanionWindow;
import org.devicelink.testing.Drawn;
import org.devicelink.testing.Screenshots;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The companion in German, Japanese, Chinese and Arabic, and in the two pseudo-languages (accented and longer; mirrored),
 * as chosen in Settings: every screen in that language, saved for a person to look at, nothing cut to "…", no English
 * from outside the bundle, the code left to right.
 */
class LanguageTourTest {

    /**
     * What the screens show that is no sentence: product names and the logo, the test's people, device and app,
     * "English", the name of this test machine's own language in Settings, and "now" and "and", ICU's words in the accented
     * pseudo-language (whose ICU data is English's).
     */
    static final Set<String> NAMES = Set.of("DeviceLink", "DL", "Microsoft", "Entra", "QR", "ID", "API", "URL", "Ctrl", "Alex", "Morgan",
            "alex", "Sam", "Game", "console", "Series", "Demo", "Console", "English", "now", "and");

    static final Predicate<String> DATA = word -> NAMES.contains(word) || word.matches("[A-Z]{4}");

    abstract static class Tour {

        CompanionFixture app;

        String tag() {
            return getClass().getAnnotation(CompanionWindow.Settings.class).language();
        }

        @Test
        void linkConfirmAndDevicesInTheChosenLanguage(FxRobot robot) throws Exception {
            assertThat(Messages.locale().toLanguageTag()).isEqualTo(tag());
            app.signIn(robot);
            String title = Messages.get("link.title");
            assertThat(robot.lookup(node -> node instanceof Label label && title.equals(label.getText())).tryQuery())
                    .as("the Link screen's title in %s", tag()).isPresent();
            Screenshots.save(app.scene, "link-" + tag());
            assertThat(Drawn.cutShort(app.scene.getRoot())).as("words cut to … on Link").isEmpty();
            assertFits("Link");
            assertNoStrayText("a screen");

            var code = app.deviceAsks("Game console", "Series S");
            robot.interact(() -> app.companion.link().codeProperty().set(code.path("user_code").asText()));
            robot.type(KeyCode.ENTER);
            CompanionFixture.await(() -> CompanionFixture.showing(robot, "#approveButton"));
            assertThat(robot.lookup("#confirmTitle").queryAs(Label.class).getText())
                    .isEqualTo(Messages.get("confirm.title", "Game console"));
            assertThat(robot.lookup("#confirmCode").queryAs(Label.class).getEffectiveNodeOrientation())
                    .as("a code reads left to right in every language").isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
            Screenshots.save(app.scene, "confirm-" + tag());
            assertThat(Drawn.cutShort(app.scene.getRoot())).as("words cut to … on the confirmation").isEmpty();
            assertFits("the confirmation");
            assertNoStrayText("a screen");
            robot.clickOn("#approveButton");
            CompanionFixture.await(() -> CompanionFixture.showing(robot, "#resultTitle"));

            app.click(robot, "#devicesTab");
            CompanionFixture.await(() -> robot.lookup("#devicesTable").queryAs(TableView.class).getItems().size() == 1);
            Screenshots.save(app.scene, "devices-" + tag());
            assertThat(Drawn.cutShort(app.scene.getRoot())).as("words cut to … on Devices").isEmpty();
            assertFits("Devices");
            assertNoStrayText("Devices");
            for (String tab : List.of("#requestsTab", "#activityTab", "#settingsTab")) {
                app.click(robot, tab);
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(Drawn.cutShort(app.scene.getRoot())).as("words cut to … on %s", tab).isEmpty();
                assertFits(tab);
                assertNoStrayText(tab);
            }
            assertThat(app.scene.getRoot().getEffectiveNodeOrientation()).isEqualTo(
                    Messages.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
            assertThat(robot.lookup("#codeField").queryAs(TextField.class).getEffectiveNodeOrientation())
                    .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        }

        /** Nothing reaches past the window's edges, at its narrowest and at the width the companion opens with. */
        void assertFits(String where) throws Exception {
            for (double width : new double[] {CompanionApp.NARROWEST, app.scene.getWidth()}) {
                assertThat(WaitForAsyncUtils.asyncFx(() -> Drawn.beyondTheWindow(app.scene.getRoot(), width)).get())
                        .as("past the window's edge on %s at %.0f px", where, width).isEmpty();
            }
        }

        /**
         * In a language written without Latin letters, a Latin word that is no name nor code is English from outside the
         * bundle; and in any, a direction mark is drawn as a box.
         */
        void assertNoStrayText(String where) throws Exception {
            assertThat(WaitForAsyncUtils.asyncFx(() -> Drawn.directionMarks(app.scene.getRoot())).get()).as("boxes on %s", where).isEmpty();
            if (!tag().equals("de")) {
                assertThat(WaitForAsyncUtils.asyncFx(() -> Drawn.latinWords(app.scene.getRoot(), DATA)).get()).as("English on %s", where)
                        .isEmpty();
            }
        }
    }

    @Nested
    @ExtendWith(CompanionWindow.class)
    @CompanionWindow.Settings(language = "de")
    class German extends Tour {}

    @Nested
    @ExtendWith(CompanionWindow.class)
    @CompanionWindow.Settings(language = "ja")
    class Japanese extends Tour {}

    @Nested
    @ExtendWith(CompanionWindow.class)
    @CompanionWindow.Settings(language = "zh-CN")
    class Chinese extends Tour {}

    /** Right to left, and on Linux through JavaFX's Pango layout with PangoSplitRuns's mend. */
    @Nested
    @ExtendWith(CompanionWindow.class)
    @CompanionWindow.Settings(language = "ar")
    class Arabic extends Tour {}

    /** English accented and 40 % longer: nothing cut, and no word from outside the bundle. */
    @Nested
    @ExtendWith(CompanionWindow.class)
    @CompanionWindow.Settings(language = "en-XA")
    class Accented extends Tour {}

    /** The same, right to left: the whole window mirrored, codes still left to right (on Linux too: Latin letters only). */
    @Nested
    @ExtendWith(CompanionWindow.class)
    @CompanionWindow.Settings(language = "ar-XB")
    class Mirrored extends Tour {}
}
