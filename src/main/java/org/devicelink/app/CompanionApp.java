package org.devicelink.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.devicelink.DataDirs;
import org.devicelink.app.auth.SignIn;
import org.devicelink.app.auth.SignInSettings;
import org.devicelink.app.local.LocalServer;
import org.devicelink.app.scan.ScanSources;
import org.devicelink.app.settings.AppSettings;
import org.devicelink.app.shell.MainWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DeviceLink companion. It opens at once with a progress screen, then (off the JavaFX thread) starts the
 * embedded link server when no server is configured, resumes the last sign-in, and shows the main window.
 */
public final class CompanionApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CompanionApp.class);
    /** A deep link ({@code devicelink://link?code=…}) the app was started with, if any. */
    public static final String DEEP_LINK = "deepLink";

    private LocalServer localServer;

    public static void launchWith(List<String> args) {
        Application.launch(CompanionApp.class, args.toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        Path dataDir = DataDirs.userDataDir();
        AppSettings settings = AppSettings.load(dataDir);
        applyTheme(settings.theme());
        var progress = new ProgressIndicator();
        var label = new Label(Messages.get(settings.embedded() ? "startup.local" : "startup.remote"));
        var starting = new VBox(16, progress, label);
        starting.setAlignment(Pos.CENTER);
        var scene = new Scene(starting, 1000, 700);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.name"));
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        stage.show();

        String deepLink = getParameters().getRaw().stream().filter(a -> a.startsWith("devicelink:")).findFirst().orElse(null);
        Background.run(null, () -> connect(dataDir, settings), companion -> {
            var window = new MainWindow(companion, settings, dataDir, theme -> {
                applyTheme(theme);
                remember(dataDir, saved -> saved.withTheme(theme));
            }, Duration.ofSeconds(30));
            window.setWindow(stage);
            scene.setRoot(window.root());
            if (deepLink != null) {
                companion.link().acceptLink(deepLink);
            }
            companion.signIn().resume();
        }, e -> {
            progress.setVisible(false);
            label.setWrapText(true);
            label.setMaxWidth(560);
            label.setText(e.getMessage());
        });
    }

    /** Starts or finds the server and builds the app's services for it. Runs off the JavaFX thread. */
    private Companion connect(Path dataDir, AppSettings settings) throws IOException {
        if (settings.embedded()) {
            localServer = startLocal(dataDir, settings);
            return Companion.create(localServer.baseUrl(), localServer.certificate(), true,
                    SignInSettings.local(localServer.baseUrl(), localServer.certificate()), this::openBrowser,
                    dataDir.resolve("companion"), SignIn.DEFAULT_TIMEOUT, scanSources(dataDir, settings));
        }
        var signIn = settings.authority().isBlank()
                ? SignInSettings.local(settings.serverUrl(), null)
                : SignInSettings.entra(settings.authority(), settings.clientId(), settings.apiScope());
        return Companion.create(settings.serverUrl(), null, false, signIn, this::openBrowser, dataDir.resolve("companion"),
                SignIn.DEFAULT_TIMEOUT, scanSources(dataDir, settings));
    }

    /** The PC's cameras and screen; the camera chosen is remembered in the settings. */
    private static ScanSources scanSources(Path dataDir, AppSettings settings) {
        return ScanSources.system(settings.camera(), camera -> remember(dataDir, saved -> saved.withCamera(camera)));
    }

    /** Changes one setting in the saved file (a choice the person made in passing), off the JavaFX thread. */
    private static void remember(Path dataDir, UnaryOperator<AppSettings> change) {
        Background.run(null, () -> {
            synchronized (CompanionApp.class) { // two changes at once must not lose one
                change.apply(AppSettings.load(dataDir)).save(dataDir);
            }
            return null;
        }, done -> { }, e -> LOG.warn("Could not save a setting in " + dataDir.resolve(AppSettings.FILE), e));
    }

    /** The embedded server on its remembered port; on another free one (remembered from then on) when that is taken. */
    private static LocalServer startLocal(Path dataDir, AppSettings settings) throws IOException {
        try {
            return LocalServer.start(dataDir, settings.localPort());
        } catch (RuntimeException e) {
            if (!(rootCause(e) instanceof BindException)) {
                throw new IOException(Messages.get("startup.failed", e.getMessage()), e);
            }
            int port;
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            LOG.info("Port {} is taken by another program; the local server moves to port {} (sign in again once).",
                    settings.localPort(), port);
            settings.withLocalPort(port).save(dataDir);
            return LocalServer.start(dataDir, port);
        }
    }

    private void openBrowser(java.net.URL url) {
        Platform.runLater(() -> getHostServices().showDocument(url.toString()));
    }

    @Override
    public void stop() {
        if (localServer != null) {
            localServer.close();
        }
        Platform.exit();
        System.exit(0); // MSAL and the embedded server keep non-daemon threads; the window closing is the end
    }

    public static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public static String stylesheet() {
        return CompanionApp.class.getResource("/css/devicelink.css").toExternalForm();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
