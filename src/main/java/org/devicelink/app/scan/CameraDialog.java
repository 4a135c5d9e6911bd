package org.devicelink.app.scan;

import java.nio.IntBuffer;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.devicelink.app.Messages;

/**
 * Scanning with the camera: a live preview at the camera's own pace (the screen shows the newest frame and drops the
 * rest, so nothing queues up), the found code outlined, and the dialog closes itself with the text. One thread reads
 * frames, another decodes the newest; the camera is released whenever the dialog closes, however it closes.
 */
public final class CameraDialog {

    private static final double PREVIEW_WIDTH = 640;

    private final Stage stage = new Stage();
    private final ImageView preview = new ImageView();
    private final Polygon outline = new Polygon();
    private final Label status = new Label(Messages.get("camera.starting"));
    private final AtomicReference<FrameSource.Frame> latest = new AtomicReference<>();
    private volatile boolean running = true;
    private WritableImage image;
    private FrameSource.Frame shown;

    public CameraDialog(Window owner, Callable<FrameSource> openSource, Consumer<String> onText) {
        preview.setFitWidth(PREVIEW_WIDTH);
        preview.setPreserveRatio(true);
        outline.setStroke(Color.LIMEGREEN);
        outline.setStrokeWidth(4);
        outline.setFill(Color.TRANSPARENT);
        outline.setVisible(false);
        status.setId("cameraStatus");
        status.setWrapText(true);
        var cancel = new Button(Messages.get("camera.cancel"));
        cancel.setId("cameraCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var picture = new StackPane(preview, new Group(outline));
        StackPane.setAlignment(outline.getParent(), Pos.TOP_LEFT);
        picture.setMinSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 / 16);
        picture.setStyle("-fx-background-color: black;");
        var root = new VBox(12, picture, status, new HBox(cancel));
        root.setPadding(new Insets(16));
        root.setId("cameraDialog");
        stage.setScene(new Scene(root));
        stage.setTitle(Messages.get("camera.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        var painter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                paint();
            }
        };
        stage.setOnShown(e -> painter.start());
        stage.setOnHidden(e -> {
            running = false;
            painter.stop();
        });
        Thread.ofVirtual().name("camera-frames").start(() -> readFrames(openSource, onText));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    /** Reads frames until closed; a second thread decodes the newest. The source is closed on every way out. */
    private void readFrames(Callable<FrameSource> openSource, Consumer<String> onText) {
        FrameSource source;
        try {
            source = openSource.call();
        } catch (Exception e) {
            Platform.runLater(() -> status.setText(e.getMessage()));
            return;
        }
        Thread decoder = Thread.ofVirtual().name("camera-decode").start(() -> decode(onText));
        try (source) {
            Platform.runLater(() -> status.setText(Messages.get("camera.hint")));
            while (running) {
                Optional<FrameSource.Frame> frame = source.next();
                if (frame.isEmpty()) {
                    Platform.runLater(() -> status.setText(Messages.get("camera.ended")));
                    break;
                }
                latest.set(frame.get());
            }
        } catch (FrameSource.ScanFailure e) {
            Platform.runLater(() -> status.setText(e.getMessage()));
        } finally {
            decoder.interrupt();
        }
    }

    private void decode(Consumer<String> onText) {
        FrameSource.Frame done = null;
        while (running && !Thread.currentThread().isInterrupted()) {
            FrameSource.Frame frame = latest.get();
            if (frame == null || frame == done) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            done = frame;
            var found = QrDecoder.read(frame.grey(), frame.width(), frame.height());
            if (found.isPresent()) {
                running = false;
                var result = found.get();
                Platform.runLater(() -> {
                    showOutline(result, frame);
                    status.setText(Messages.get("camera.found"));
                    onText.accept(result.text());
                    stage.close();
                });
                return;
            }
        }
    }

    /** On the JavaFX thread, once per screen refresh: the newest frame, if it is new. */
    private void paint() {
        FrameSource.Frame frame = latest.get();
        if (frame == null || frame == shown) {
            return;
        }
        shown = frame;
        if (image == null || image.getWidth() != frame.width() || image.getHeight() != frame.height()) {
            image = new WritableImage(frame.width(), frame.height());
            preview.setImage(image);
        }
        var argb = new int[frame.width() * frame.height()];
        byte[] grey = frame.grey();
        for (int i = 0; i < argb.length; i++) {
            int v = grey[i] & 0xff;
            argb[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        image.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbInstance(),
                IntBuffer.wrap(argb), frame.width());
    }

    private void showOutline(QrDecoder.Found found, FrameSource.Frame frame) {
        double scale = PREVIEW_WIDTH / frame.width();
        outline.getPoints().clear();
        for (var point : found.corners()) {
            outline.getPoints().addAll(point.x() * scale, point.y() * scale);
        }
        outline.setVisible(true);
    }
}
