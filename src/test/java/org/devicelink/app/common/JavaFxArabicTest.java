package org.devicelink.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.devicelink.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Arabic in the companion on Linux, where JavaFX's own wrapping of it fails ({@link PangoSplitRuns}): without the mend a
 * wrapped Arabic label still throws (the day it does not, JavaFX has mended it: drop PangoSplitRuns); with it every
 * Arabic sentence wraps at every width, and each line's glyphs stay within the label.
 */
@EnabledOnOs(OS.LINUX)
class JavaFxArabicTest {

    private static final ResourceBundle ARABIC = Messages.bundle(Locale.forLanguageTag("ar"));

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void english() {
        Language.speak("en");
    }

    @Test
    void withoutTheMendJavaFxStillFailsOnAWrappedArabicLabel() throws Exception {
        Throwable failure = catchThrowable(() -> WaitForAsyncUtils.asyncFx(() -> {
            PangoSplitRuns.install();
            return withJavaFxsOwnLayout(() -> wrapped(ARABIC.getString("signin.explain"), 300));
        }).get());

        assertThat(failure).as("JavaFX laid the wrapped Arabic out by itself: PangoSplitRuns can go")
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    @Test
    void withTheMendEveryArabicSentenceWrapsAtEveryWidth() throws Exception {
        List<String> failures = WaitForAsyncUtils.asyncFx(() -> {
            PangoSplitRuns.install();
            List<String> failed = new ArrayList<>();
            for (String key : ARABIC.keySet()) {
                for (int width = 40; width <= 520; width += 6) {
                    try {
                        wrapped(ARABIC.getString(key), width);
                    } catch (RuntimeException e) {
                        failed.add(key + " at " + width + " px: " + e);
                    }
                }
            }
            return failed;
        }).get();

        assertThat(PangoSplitRuns.installed()).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void eachWrappedLineIsDrawnWithinTheLabel() throws Exception {
        String sentence = ARABIC.getString("signin.explain");
        double oneLine = WaitForAsyncUtils.asyncFx(() -> {
            PangoSplitRuns.install();
            return wrapped(sentence, 10_000);
        }).get();
        WritableImage drawn = WaitForAsyncUtils.asyncFx(() -> {
            var label = new Label(sentence);
            label.setWrapText(true);
            label.setMaxWidth(200);
            label.setTextFill(Color.BLACK);
            var page = new StackPane(label);
            page.setAlignment(Pos.CENTER);
            page.setStyle("-fx-background-color: white");
            var scene = new Scene(page, 600, 400);
            scene.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
            page.applyCss();
            page.layout();
            assertThat(label.getHeight()).as("wrapped onto several lines").isGreaterThan(2.5 * oneLine);
            return scene.snapshot(null);
        }).get();

        // the label is 200 px wide in the middle of 600: ink beyond 210 px either side would be text drawn past its line's end
        assertThat(inkOutside(drawn, 190, 410)).as("dark pixels left or right of the label").isZero();
        assertThat(inkOutside(drawn, 300, 600)).as("text on the label's left half too").isPositive();
    }

    @Test
    void soTheCompanionSpeaksArabicOnLinux() {
        Language.speak("ar");

        assertThat(Messages.locale()).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(Language.offered()).contains(Locale.forLanguageTag("ar")).hasSize(Messages.LANGUAGES.size());
        assertThat(Language.direction()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
    }

    /** A wrapped label's height at {@code width}, laid out right to left as the companion lays out Arabic. */
    private static double wrapped(String sentence, double width) {
        var label = new Label(sentence);
        label.setWrapText(true);
        var scene = new Scene(new VBox(label), width, 200);
        scene.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
        return label.prefHeight(width);
    }

    /**
     * Runs {@code layout} with the glyph layout JavaFX makes afresh, unmended, by marking the mended one as lent out; a
     * layout that throws never gives back what it borrowed, so this one is given back here.
     */
    private static <T> T withJavaFxsOwnLayout(Callable<T> layout) throws Exception {
        Field lent = Class.forName("com.sun.javafx.text.GlyphLayoutManager").getDeclaredField("IN_USE");
        lent.setAccessible(true);
        var inUse = (AtomicBoolean) lent.get(null);
        inUse.set(true);
        try {
            return layout.call();
        } finally {
            inUse.set(false);
        }
    }

    /** Dark pixels left of {@code from} or right of {@code to}. */
    private static int inkOutside(WritableImage image, int from, int to) {
        var pixels = image.getPixelReader();
        int dark = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if ((x < from || x >= to) && pixels.getColor(x, y).getBrightness() < 0.5) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
