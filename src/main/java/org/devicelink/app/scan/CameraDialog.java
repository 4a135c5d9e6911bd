package org.devicelink.app.scan;

import org.devicelink.scan.Camera;
import org.devicelink.scan.FrameSource;
import org.devicelink.scan.QrDecoder;
import org.devicelink.scan.ScanSources;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.i18n.Messages;

/**
 * Scanning with the camera: a live colour preview at the camera's own pace (the screen shows the newest frame and
 * drops the rest, so nothing queues up), a choice of camera when there are several, the found code outlined, and
 * the dialog closes itself with the text. One thread reads frames, another decodes the newest within a frame's
 * time; the camera is released whenever the dialog closes or another camera is chosen.
 */
public final class CameraDialog {

    private static final double PREVIEW_WIDTH = 640;
    private static final Duration FOUND_LINGER = Duration.millis(700);

    private final Stage stage = new Stage();
    private final ImageView preview = new ImageView();
    private final Polygon outline = new Polygon();
    private final Pane overlay = new Pane();
    private final Label status = new Label(Messages.get("camera.looking"));
    private final ComboBox<Camera> choice = new ComboBox<>();
    private final ScanSources sources;
    private final Consumer<String> onText;
    private volatile Session session;
    private WritableImage image;
    private FrameSource.Frame shown;
    private boolean frozen;

    public CameraDialog(Window owner, ScanSources sources, UiExecutor executor, Consumer<String> onText) {
        this.sources = sources;
        this.onText = onText;
        preview.setFitWidth(PREVIEW_WIDTH);
        preview.setPreserveRatio(true);
        outline.setStroke(Color.LIMEGREEN);
        outline.setStrokeWidth(4);
        outline.setFill(Color.TRANSPARENT);
        outline.setVisible(false);
        status.setId("cameraStatus");
        status.setWrapText(true);
        choice.setId("cameraChoice");
        var choiceLabel = new Label(Messages.get("camera.choose"));
        choiceLabel.setLabelFor(choice);
        var choiceRow = new HBox(8, choiceLabel, choice);
        choiceRow.setAlignment(Pos.CENTER_LEFT);
        choiceRow.visibleProperty().bind(choice.visibleProperty());
        choiceRow.managedProperty().bind(choice.visibleProperty());
        choice.setVisible(false);
        choice.setOnAction(e -> {
            var camera = choice.getValue();
            if (camera != null && (session == null || session.camera != camera)) {
                sources.choose(camera);
                start(camera);
            }
        });
        var cancel = new Button(Messages.get("camera.cancel"));
        cancel.setId("cameraCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        // the outline's layer is the preview's exact size and place, so the code's corners land on the code
        overlay.getChildren().add(outline);
        overlay.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        overlay.setMouseTransparent(true);
        var picture = new StackPane(preview, overlay);
        picture.setMinSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 / 16);
        picture.setStyle("-fx-background-color: black;");
        var root = new VBox(12, choiceRow, picture, status, new HBox(cancel));
        root.setPadding(new Insets(16));
        root.setId("cameraDialog");
        stage.setScene(new Scene(root));
        stage.setTitle(Messages.get("camera.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        var painter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                paint();
            }
        };
        stage.setOnShown(e -> painter.start());
        stage.setOnHidden(e -> {
            painter.stop();
            stopSession();
        });
        executor.run(null, sources::cameras, this::offer, e -> status.setText(e.getMessage()));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    /** The cameras found: the choice appears when there are several; the preferred one starts. */
    private void offer(List<Camera> cameras) {
        if (!stage.isShowing()) {
            return;
        }
        if (cameras.isEmpty()) {
            status.setText(Messages.get("camera.none"));
            return;
        }
        choice.getItems().setAll(cameras);
        choice.setVisible(cameras.size() > 1);
        stage.sizeToScene();
        choice.setValue(sources.preferred(cameras)); // starts it, through the choice's action
    }

    private void start(Camera camera) {
        stopSession();
        status.setText(Messages.get("camera.starting"));
        outline.setVisible(false);
        session = new Session(camera);
        Thread.ofVirtual().name("camera-frames").start(session::readFrames);
    }

    private void stopSession() {
        if (session != null) {
            session.running = false;
            session = null;
        }
    }

    /** One camera, open from start to stop: its newest frame, read by one thread and decoded by another. */
    private final class Session {
        final Camera camera;
        final AtomicReference<FrameSource.Frame> latest = new AtomicReference<>();
        volatile boolean running = true;
        /** False once the source has no more frames: the decoder reads the last one, then stops. */
        private volatile boolean reading = true;

        Session(Camera camera) {
            this.camera = camera;
        }

        /** Reads frames until stopped; the source is closed on every way out. */
        void readFrames() {
            FrameSource source;
            try {
                source = camera.open().call();
            } catch (Exception e) {
                report(e.getMessage());
                return;
            }
            Thread.ofVirtual().name("camera-decode").start(this::decode);
            try (source) {
                report(Messages.get("camera.hint"));
                while (running) {
                    Optional<FrameSource.Frame> frame = source.next();
                    if (frame.isEmpty()) {
                        report(Messages.get("camera.ended"));
                        break;
                    }
                    latest.set(frame.get());
                }
            } catch (FrameSource.ScanFailure e) {
                report(e.getMessage());
            } finally {
                reading = false; // not an interrupt: BoofCV's worker threads turn one into a RuntimeException
            }
        }

        private void decode() {
            var scanner = new QrDecoder.FrameScanner();
            FrameSource.Frame done = null;
            while (running) {
                FrameSource.Frame frame = latest.get();
                if (frame == null || frame == done) {
                    if (!reading) {
                        return;
                    }
                    LockSupport.parkNanos(5_000_000);
                    continue;
                }
                done = frame;
                var found = scanner.read(frame);
                if (found.isPresent() && running) { // not after the dialog closed during the read
                    running = false;
                    var result = found.get();
                    Platform.runLater(() -> {
                        frozen = true; // the frame the code was found in stays on screen under its outline
                        draw(frame);
                        showOutline(result, frame);
                        status.setText(Messages.get("camera.found"));
                        onText.accept(result.text());
                        var linger = new PauseTransition(FOUND_LINGER); // long enough to see what was read
                        linger.setOnFinished(e -> stage.close());
                        linger.play();
                    });
                    return;
                }
            }
        }

        /** A status line from this session, unless another camera has taken over since. */
        private void report(String message) {
            Platform.runLater(() -> {
                if (session == this) {
                    status.setText(message);
                }
            });
        }
    }

    /** On the JavaFX thread, once per screen refresh: the newest frame, if it is new. */
    private void paint() {
        Session current = session;
        FrameSource.Frame frame = current == null ? null : current.latest.get();
        if (frozen || frame == null || frame == shown) {
            return;
        }
        draw(frame);
    }

    private void draw(FrameSource.Frame frame) {
        shown = frame;
        int w = frame.width();
        int h = frame.height();
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new WritableImage(w, h);
            preview.setImage(image);
            overlay.setPrefSize(PREVIEW_WIDTH, PREVIEW_WIDTH * h / w);
        }
        if (frame.bgra() != null) {
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraInstance(), ByteBuffer.wrap(frame.bgra()), w * 4);
            return;
        }
        var argb = new int[w * h];
        byte[] grey = frame.grey();
        for (int i = 0; i < argb.length; i++) {
            int v = grey[i] & 0xff;
            argb[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
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
