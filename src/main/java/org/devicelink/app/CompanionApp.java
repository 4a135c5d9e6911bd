package org.devicelink.app;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.devicelink.app.auth.SignIn;
import org.devicelink.app.auth.SignInSettings;
import org.devicelink.app.common.BackgroundWork;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.Theme;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.app.local.LocalServer;
import org.devicelink.app.scan.ScreenSource;
import org.devicelink.app.settings.AppSettings;
import org.devicelink.app.settings.SettingsFile;
import org.devicelink.i18n.Messages;
import org.devicelink.platform.OwnerOnly;
import org.devicelink.platform.SingleInstance;
import org.devicelink.platform.UrlScheme;
import org.devicelink.platform.UserFolders;
import org.devicelink.scan.OpenCvSource;
import org.devicelink.scan.ScanSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DeviceLink companion. It opens at once with a progress screen, then (off the JavaFX thread) starts the
 * embedded link server when no server is configured, resumes the last sign-in, and shows the main window.
 */
public final class CompanionApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CompanionApp.class);
    private static final String DATA_DIR = "data-dir";
    private static final String SMOKE_TEST = "smoke-test";
    /** Lines later copies handed over (a link, or nothing: come to the front), until the window takes them. */
    private static final BlockingQueue<String> HANDED_OVER = new LinkedBlockingQueue<>();
    private static final Duration DEMO_REFRESH = Duration.ofSeconds(30);
    /** The window's narrowest width: every screen fits it in every language (LanguageTourTest). */
    static final double NARROWEST = 760;

    private final UiExecutor executor = BackgroundWork.onJavaFx();
    private volatile LocalServer localServer; // set off the JavaFX thread, closed on it
    private Duration smokeTest; // null, or how long --smoke-test stays open once the window shows
    private volatile Thread handovers; // takes what later copies hand over, until this app closes

    /**
     * Opens the companion on the user's data folder, or, when it is already running there, hands it {@code link}
     * (a {@code devicelink://} link, or null) and returns at once: one companion, one embedded server, one port.
     *
     * @param smokeTest null for a normal start; else seconds to stay open after the window shows, then exit
     */
    public static void launch(UserFolders folders, String link, Integer smokeTest) throws IOException {
        if (claim(folders.data(), link) instanceof SingleInstance.Claim.HandedOver) {
            return;
        }
        UrlScheme.register(HANDED_OVER::add);
        var all = new ArrayList<String>();
        all.add("--" + DATA_DIR + "=" + folders.data());
        if (smokeTest != null) {
            all.add("--" + SMOKE_TEST + "=" + smokeTest);
        }
        if (link != null) {
            all.add(link);
        }
        Application.launch(CompanionApp.class, all.toArray(String[]::new));
    }

    /** Becomes the running companion of this data folder, or hands {@code link} to the one that is. */
    static SingleInstance.Claim claim(Path dataDir, String link) throws IOException {
        return SingleInstance.claim(dataDir, link, HANDED_OVER::add);
    }

    @Override
    public void start(Stage stage) {
        Path dataDir = Path.of(getParameters().getNamed().get(DATA_DIR));
        String smokeTest = getParameters().getNamed().get(SMOKE_TEST);
        if (smokeTest != null) {
            this.smokeTest = Duration.ofSeconds(Long.parseLong(smokeTest));
        }
        String deepLink = getParameters().getUnnamed().stream().findFirst().orElse(null);
        open(stage, dataDir, deepLink, url -> Platform.runLater(() -> getHostServices().showDocument(url.toString())));
    }

    /**
     * Shows the window at once, with progress, and gets the rest going off the JavaFX thread: the embedded server
     * (unless a server is set), the services, the last sign-in.
     */
    void open(Stage stage, Path dataDir, String deepLink, OpenBrowserAction browser) {
        var settingsFile = new SettingsFile(dataDir);
        AppSettings settings = settingsFile.load();
        Language.speak(settings.language());
        Theme.apply(settings.theme());
        var progress = new ProgressIndicator();
        var label = new Label(Messages.get(settings.embedded() ? "startup.local" : "startup.remote"));
        var starting = new VBox(16, progress, label);
        starting.setAlignment(Pos.CENTER);
        var scene = Language.orient(new Scene(starting, 1000, 700));
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.name"));
        stage.setMinWidth(NARROWEST);
        stage.setMinHeight(560);
        stage.show();
        if (smokeTest != null) {
            System.out.println("smoke-test: first window"); // what the cold-start measurement waits for
        }

        var environment = new Companion.Environment(dataDir, browser, SignIn.DEFAULT_TIMEOUT, scanSources(settingsFile, settings),
                settingsFile, Theme::apply, executor);
        executor.run(null, () -> connect(settingsFile, settings, environment), companion -> {
            var window = new MainWindow(companion, DEMO_REFRESH);
            window.setWindow(stage);
            scene.setRoot(window.root());
            if (deepLink != null) {
                companion.link().acceptLink(deepLink);
            }
            companion.signIn().resume();
            takeHandovers(stage, window, companion);
            if (smokeTest != null) {
                smokeTest(companion);
            }
        }, e -> {
            progress.setVisible(false);
            label.setWrapText(true);
            label.setMaxWidth(560);
            label.setText(e.getMessage());
            if (smokeTest != null) {
                System.out.println("smoke-test: failed: " + e.getMessage());
                System.exit(1);
            }
        });
    }

    /** What later copies hand over: the window comes to the front on the Link screen, with the link's code. */
    private void takeHandovers(Stage stage, MainWindow window, Companion companion) {
        handovers = Thread.ofPlatform().daemon().name("handovers").start(() -> {
            while (true) {
                String line;
                try {
                    line = HANDED_OVER.take();
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    stage.setIconified(false);
                    stage.show();
                    stage.toFront();
                    stage.requestFocus();
                    window.showLink();
                    if (!line.isBlank()) {
                        companion.link().acceptLink(line);
                    }
                    if (smokeTest != null) {
                        System.out.println("smoke-test: handed over " + line + " -> Link screen code '"
                                + companion.link().codeProperty().get()
                                + "', message '" + companion.link().errorProperty().get() + "'");
                    }
                });
            }
        });
    }

    /** --smoke-test: the window is up; say so, stay a while (for handovers), then end as the window closing would. */
    private void smokeTest(Companion companion) {
        System.out.println("smoke-test: window shown, server " + companion.server().url());
        var pause = new PauseTransition(javafx.util.Duration.millis(smokeTest.toMillis()));
        pause.setOnFinished(e -> {
            System.out.println("smoke-test: done");
            stop();
        });
        pause.play();
    }

    /** Starts or finds the server and builds the app's services for it. Runs off the JavaFX thread. */
    private Companion connect(SettingsFile settingsFile, AppSettings settings, Companion.Environment environment) throws IOException {
        OwnerOnly.folder(environment.dataDir()); // settings, sign-ins and (embedded) the server's keys
        if (settings.embedded()) {
            localServer = startLocal(settingsFile, settings);
            return Companion.create(new Companion.Server(localServer.baseUrl(), localServer.certificate(), true),
                    SignInSettings.local(localServer.baseUrl(), localServer.certificate()), environment);
        }
        var signIn = settings.authority().isBlank()
                ? SignInSettings.local(settings.serverUrl(), null)
                : SignInSettings.entra(settings.authority(), settings.clientId(), settings.apiScope());
        return Companion.create(new Companion.Server(settings.serverUrl(), null, false), signIn, environment);
    }

    /** The PC's cameras (through OpenCV) and screen (through the JavaFX robot); the camera and the way of scanning are remembered. */
    private ScanSources scanSources(SettingsFile settingsFile, AppSettings settings) {
        var lastKind = Arrays.stream(ScanSources.Kind.values()).filter(kind -> kind.name().equalsIgnoreCase(settings.scan())).findFirst();
        return new ScanSources(OpenCvSource::cameras, ScreenSource::desktop, new ScanSources.Memory(settings.camera(), lastKind,
                camera -> remember(settingsFile, saved -> saved.withCamera(camera)),
                kind -> remember(settingsFile, saved -> saved.withScan(kind.name().toLowerCase(Locale.ROOT)))));
    }

    /** A choice made in passing, written off the JavaFX thread; one that cannot be written is only logged. */
    private void remember(SettingsFile settingsFile, UnaryOperator<AppSettings> change) {
        executor.run(null, () -> settingsFile.update(change), saved -> { },
                e -> LOG.warn("Could not remember a choice in " + settingsFile.path(), e));
    }

    /** The embedded server on its remembered port; on another free one (remembered from then on) when that is taken. */
    private static LocalServer startLocal(SettingsFile settingsFile, AppSettings settings) throws IOException {
        Path dataDir = settingsFile.path().getParent();
        try {
            return LocalServer.start(dataDir, settings.localPort());
        } catch (RuntimeException e) {
            if (!(rootCause(e) instanceof BindException)) {
                throw new IOException(Messages.get("startup.failed", e.getMessage()), e);
            }
            int port;
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            LOG.info("Port {} is taken by another program; the local server moves to port {} (sign in again once).",
                    settings.localPort(), port);
            settingsFile.update(saved -> saved.withLocalPort(port));
            return LocalServer.start(dataDir, port);
        }
    }

    @Override
    public void stop() {
        close();
        Platform.exit();
        System.exit(0); // MSAL and the embedded server keep non-daemon threads; the window closing is the end
    }

    /** Stops taking handovers, and the embedded server if this app started one. */
    void close() {
        if (handovers != null) {
            handovers.interrupt();
        }
        if (localServer != null) {
            localServer.close();
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
