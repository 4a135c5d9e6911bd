package org.devicelink.app.demo;

import java.io.IOException;
import java.time.Duration;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.Theme;
import org.devicelink.device.DeviceClient;
import org.devicelink.device.QrCode;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.protocol.OAuthError;

/**
 * "Start a demo device": a window that behaves like a console. It shows its code and QR, turns to "linked" when
 * approved, keeps its session alive, and asks to be linked again once unlinked. It uses the device kit over HTTPS.
 */
public final class DemoDevice {

    private final Stage stage = new Stage();
    private final Label heading = new Label();
    private final Label code = new Label();
    private final Label where = new Label();
    private final Label status = new Label();
    private final ImageView qr = new ImageView();
    private final DeviceClient client;
    private final Duration refreshEvery;
    private volatile boolean open = true;
    private Thread worker;

    public DemoDevice(DeviceClient client, Duration refreshEvery) {
        this.client = client;
        this.refreshEvery = refreshEvery;
        heading.getStyleClass().add("tv-heading");
        Language.leftToRight(code).setId("demoCode");
        code.getStyleClass().add("tv-code");
        where.getStyleClass().add("tv-text");
        where.setWrapText(true);
        status.setId("demoStatus");
        status.getStyleClass().add("tv-status");
        status.setWrapText(true);
        var screen = new VBox(18, heading, qr, code, where, status);
        screen.setAlignment(Pos.CENTER);
        screen.setPadding(new Insets(32));
        screen.getStyleClass().add("tv-screen");
        screen.setId("demoScreen");
        var scene = Language.orient(new Scene(screen, 520, 640));
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.setTitle(Messages.get("demo.title"));
        stage.setOnHidden(e -> {
            open = false;
            if (worker != null) {
                worker.interrupt(); // a closed console stops polling at once, not when its code expires
            }
        });
        heading.setText(Messages.get("demo.starting"));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        worker = Thread.ofVirtual().name("demo-device").start(this::run);
    }

    private void run() {
        while (open) {
            try {
                var tokens = client.link(Messages.get("demo.deviceName"), Messages.get("demo.deviceModel"), null, new Screen());
                ui(() -> {
                    heading.setText(Messages.get("demo.linked.heading"));
                    qr.setImage(null);
                    code.setText("✓");
                    where.setText("");
                    status.setText(Messages.get("demo.linked", tokens.linkedAccount() == null ? "" : tokens.linkedAccount()));
                });
                String reason = stayLinked(tokens);
                ui(() -> status.setText(Messages.get("demo.unlinked", reason)));
                Thread.sleep(1500);
            } catch (DeviceClient.Refused refused) {
                String text = OAuthError.ACCESS_DENIED.equals(refused.error()) ? Messages.get("demo.denied") : refused.getMessage();
                ui(() -> status.setText(text));
                sleep(3000);
            } catch (IOException e) {
                ui(() -> status.setText(Messages.get("demo.unreachable", e.getMessage())));
                sleep(3000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String stayLinked(DeviceClient.Tokens tokens) throws InterruptedException {
        DeviceClient.Tokens current = tokens;
        while (open) {
            Thread.sleep(refreshEvery.toMillis());
            try {
                current = client.refresh(current.refreshToken());
            } catch (DeviceClient.Refused refused) {
                return refused.getMessage();
            } catch (IOException e) {
                ui(() -> status.setText(Messages.get("demo.unreachable", e.getMessage())));
            }
        }
        return "";
    }

    private final class Screen implements DeviceClient.Listener {
        @Override
        public void onCode(DeviceAuthorization authorization) {
            var image = qrImage(authorization.verificationUriComplete(), 7);
            ui(() -> {
                heading.setText(Messages.get("demo.heading"));
                qr.setImage(image);
                code.setText(authorization.userCode());
                where.setText(Messages.get("demo.where", authorization.verificationUri()));
                status.setText(Messages.get("demo.waiting"));
            });
        }

        @Override
        public void onCodeExpired() {
            ui(() -> status.setText(Messages.get("demo.expired")));
        }

        @Override
        public void onConnectionProblem(String problem, Duration retryIn) {
            ui(() -> status.setText(Messages.get("demo.unreachable", problem)));
        }
    }

    static WritableImage qrImage(String text, int scale) {
        var qrCode = QrCode.of(text);
        int size = qrCode.size() * scale;
        var image = new WritableImage(size, size);
        var pixels = image.getPixelWriter();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels.setArgb(x, y, qrCode.dark(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    private static void ui(Runnable update) {
        Platform.runLater(update);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
