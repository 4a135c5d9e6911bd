package org.devicelink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.devicelink.app.Companion;
import org.devicelink.app.MainWindow;
import org.devicelink.app.auth.SignInSettings;
import org.devicelink.app.common.BackgroundWork;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.Theme;
import org.devicelink.app.scan.ScreenSource;
import org.devicelink.app.settings.SettingsFile;
import org.devicelink.protocol.Role;
import org.devicelink.scan.Camera;
import org.devicelink.scan.OpenCvSource;
import org.devicelink.scan.Picture;
import org.devicelink.scan.ScanSources;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.ScriptedBrowser;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The companion as a person sees it, in a real JavaFX window (Monocle, headless), against a real link server with
 * the local sign-in provider; signing in goes through MSAL and a scripted person at the browser.
 */
public final class CompanionFixture implements AutoCloseable {

    public final LinkServerFixture server;
    public final Companion companion;
    public final MainWindow window;
    public final Scene scene;
    private volatile String username = "alex";
    /** Whether this PC has no camera at all. */
    public volatile boolean noCamera;
    /** What the "camera" shows: a video file made by the test (no webcam here). */
    public volatile Path cameraVideo;
    /** A second "camera" when not null, so that there is a choice. */
    public volatile Path secondCameraVideo;
    /** The camera the app remembered as chosen. */
    public volatile String rememberedCamera = "";
    /** What the "screen" shows: a picture made by the test; null for the real screen (which Monocle cannot capture). */
    public volatile Path screenPicture;
    /** The companion's settings file. */
    public final SettingsFile settingsFile;

    public CompanionFixture(Stage stage, Path dir, Map<String, String> serverSettings, String theme) throws IOException {
        server = new LinkServerFixture(Databases.H2, dir.resolve("server"), serverSettings);
        if ("false".equals(serverSettings.get("local-issuer.demo-accounts"))) {
            // a server the demo accounts may not be served on (behind a proxy, say): the same people, as real accounts
            server.addAccount("alex", "Alex Morgan", Role.ORGANIZER, null);
            server.addAccount("sam", "Sam Morgan", Role.CHILD, "alex");
        }
        String base = server.server().baseUrl();
        settingsFile = new SettingsFile(dir.resolve("app"));
        settingsFile.update(saved -> saved.withTheme(theme));
        var scanSources = new ScanSources(this::cameras, () -> screenPicture == null ? ScreenSource.desktop() : Picture.file(screenPicture),
                new ScanSources.Memory("", Optional.empty(), camera -> rememberedCamera = camera, kind -> { }));
        companion = Companion.create(new Companion.Server(base, server.server().certificateFile(), true),
                SignInSettings.local(base, server.server().certificateFile()),
                new Companion.Environment(dir.resolve("app"), person(() -> username), Duration.ofSeconds(30), scanSources, settingsFile,
                        Theme::apply, BackgroundWork.onJavaFx()));
        Theme.apply(theme);
        window = new MainWindow(companion, Duration.ofSeconds(1));
        scene = Language.orient(new Scene(window.root(), 1000, 700));
        scene.getStylesheets().add(Theme.stylesheet());
        window.setWindow(stage);
        stage.setScene(scene);
        stage.setTitle("DeviceLink");
        stage.show();
    }

    private List<Camera> cameras() {
        var cameras = new ArrayList<Camera>();
        if (noCamera) {
            return cameras;
        }
        cameras.add(new Camera("Living room camera", () -> OpenCvSource.file(cameraVideo)));
        if (secondCameraVideo != null) {
            cameras.add(new Camera("Desk camera", () -> OpenCvSource.file(secondCameraVideo)));
        }
        return cameras;
    }

    /** Who the scripted person at the browser signs in as next; null: no browser opens at all. */
    public void signInAs(String who) {
        this.username = who;
    }

    /**
     * Someone else's companion on their own PC, against the same server, with no window of its own here: signed in as
     * {@code who} through MSAL and the scripted browser, its view models driven by the test.
     */
    public Companion anotherCompanion(Path dir, String who) throws IOException {
        String base = server.server().baseUrl();
        var other = Companion.create(new Companion.Server(base, server.server().certificateFile(), true),
                SignInSettings.local(base, server.server().certificateFile()),
                new Companion.Environment(dir, person(() -> who), Duration.ofSeconds(30), companion.scanSources(), new SettingsFile(dir),
                        theme -> { }, BackgroundWork.onJavaFx()));
        WaitForAsyncUtils.asyncFx(() -> other.signIn().signInInteractively());
        await(() -> other.signIn().sessionProperty().get() != null);
        return other;
    }

    private OpenBrowserAction person(Supplier<String> who) {
        return url -> Thread.ofVirtual().start(() -> {
            String username = who.get();
            if (username == null) {
                return; // no browser installed, or it failed to start
            }
            try {
                var browser = new ScriptedBrowser(server.server().certificateFile());
                var page = browser.submit(browser.open(URI.create(url.toString())), username, "link-demo", "signin");
                browser.follow(page);
            } catch (RuntimeException e) {
                // the test that waits for the sign-in fails with its own message; this says why
                System.err.println("The scripted browser failed: " + e);
                e.printStackTrace();
            }
        });
    }

    /** Whether the node is on screen: it and every parent visible (a node's own visible flag says only half). */
    /**
     * Clicks the node {@code query} finds, found on the JavaFX thread: TestFX looks a query up on the test's thread,
     * walking children lists the JavaFX thread may be changing (a table filling in, a badge counting), which threw
     * IndexOutOfBoundsException one run in five in a tab walk.
     */
    public void click(FxRobot robot, String query) {
        Node node;
        try {
            node = WaitForAsyncUtils.asyncFx(() -> scene.lookup(query)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("looking up " + query, e);
        }
        if (node == null) {
            throw new AssertionError("nothing on the screen is " + query);
        }
        robot.clickOn(node);
    }

    public static boolean showing(FxRobot robot, String query) {
        var found = robot.lookup(query).tryQuery();
        if (found.isEmpty() || found.get().getScene() == null) {
            return false;
        }
        for (Node node = found.get(); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Signs in through the Sign in button, as the scripted person at the browser. */
    public void signIn(FxRobot robot) {
        robot.clickOn("#signInButton");
        try {
            await(() -> showing(robot, "#tabs"));
        } catch (AssertionError e) {
            throw new AssertionError("not signed in; the screen says: " + companion.signIn().errorProperty().get(), e);
        }
    }

    /** A device asks for a code over HTTPS (device_authorization); returns the server's answer. */
    public JsonNode deviceAsks(String name, String model) {
        var response = server.http().form("/oauth2/device_authorization", Map.of("client_id", "demo-console",
                "device_name", name, "device_model", model));
        if (response.status() != 200) {
            throw new AssertionError(response.body());
        }
        return response.json();
    }

    /**
     * A device on another network asks for a code: its request reaches the server through the proxy the server trusts
     * ({@code trust-proxy=true}), which says where it came from.
     */
    public JsonNode deviceAsksFrom(String address, String name) {
        var body = "client_id=demo-console&device_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        var response = server.http().send(server.http().request("/oauth2/device_authorization")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.status() != 200) {
            throw new AssertionError(response.body());
        }
        return response.json();
    }

    /** The device polls once for its tokens. */
    public Http.Response devicePolls(JsonNode code) {
        return server.http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", "demo-console", "device_code", code.path("device_code").asText()));
    }

    /** The signed-in person's current access token, as the app holds it. */
    public String accessToken() {
        return companion.signIn().sessionProperty().get().accessToken();
    }

    /** Waits (up to 20 s) until the condition holds on the JavaFX thread's view of things. */
    public static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("waited 20 s in vain", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the windows the test opened (demo devices stop polling) and the server. */
    @Override
    public void close() {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w != scene.getWindow()).toList().forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
        server.close();
    }
}
