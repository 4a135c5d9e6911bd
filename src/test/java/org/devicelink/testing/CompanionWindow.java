package org.devicelink.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import org.devicelink.app.common.Language;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A companion in a real JavaFX window (TestFX on Monocle) for each test, against its own link server: made before the
 * test, closed after it, and handed to the test's {@code CompanionFixture} field. Test methods may take an
 * {@link FxRobot}. The server's settings, the theme and the language come from {@link Settings} on the class.
 */
public final class CompanionWindow implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** The companion's theme and its server's settings ({@code key=value}), when not the light theme on defaults. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Settings {
        String theme() default "light";

        /** The language the companion speaks, as chosen in Settings. */
        String language() default "en";

        String[] server() default {};
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CompanionWindow.class);

    /** The window's application: its start makes the fixture, on the JavaFX thread, as TestFX's own extension does. */
    private static final class Started extends Application {
        private final Path dir;
        private final Map<String, String> server;
        private final Settings settings;
        volatile CompanionFixture fixture;

        Started(Path dir, Map<String, String> server, Settings settings) {
            this.dir = dir;
            this.server = server;
            this.settings = settings;
        }

        @Override
        public void start(Stage stage) throws Exception {
            Language.speak(settings == null ? "en" : settings.language());
            fixture = new CompanionFixture(stage, dir, server, settings == null ? "light" : settings.theme());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        var settings = context.getRequiredTestClass().getAnnotation(Settings.class);
        var server = new LinkedHashMap<String, String>();
        Arrays.stream(settings == null ? new String[0] : settings.server()).map(pair -> pair.split("=", 2))
                .forEach(pair -> server.put(pair[0], pair[1]));
        var started = new Started(Files.createTempDirectory("companion-window"), server, settings);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(() -> started);
        context.getStore(NAMESPACE).put(Started.class, started);
        Object test = context.getRequiredTestInstance();
        for (Class<?> type = test.getClass(); type != null; type = type.getSuperclass()) {
            for (var field : type.getDeclaredFields()) {
                if (field.getType() == CompanionFixture.class) {
                    field.setAccessible(true);
                    field.set(test, started.fixture);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        var started = context.getStore(NAMESPACE).remove(Started.class, Started.class);
        if (started != null) {
            try {
                if (started.fixture != null) {
                    started.fixture.close();
                }
            } finally {
                FxToolkit.cleanupApplication(started);
                Language.speak("en");
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FxRobot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new FxRobot();
    }
}
