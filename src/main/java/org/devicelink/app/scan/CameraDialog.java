package org.devicelink.app.scan;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;
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
import org.devicelink.app.common.Language;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.i18n.Messages;
import org.devicelink.scan.Camera;
import org.devicelink.scan.CameraSession;
import org.devicelink.scan.FrameSource;
import org.devicelink.scan.QrDecoder;
import org.devicelink.scan.ScanSources;

/**
 * Scanning with the camera: a live colour preview at the camera's own pace (the screen shows the newest frame and
 * drops the rest, so nothing queues up), a choice of camera when there are several, the found code outlined, and
 * the dialog closes itself with the text. The frames are read and decoded by a {@link CameraSession}, which needs no
 * toolkit; the camera is released whenever the dialog closes or another camera is chosen.
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
    private volatile CameraSession session;
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
            if (camera != null && (session == null || session.camera() != camera)) {
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
        stage.setScene(Language.orient(new Scene(root)));
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
        var started = new CameraSession[1];
        started[0] = CameraSession.start(camera, new CameraSession.Listener() {
            @Override
            public void status(String sentence) {
                Platform.runLater(() -> {
                    if (session == started[0]) { // unless another camera has taken over since
                        status.setText(sentence);
                    }
                });
            }

            @Override
            public void found(QrDecoder.Found found, FrameSource.Frame frame) {
                Platform.runLater(() -> showFound(found, frame));
            }
        });
        session = started[0];
    }

    private void stopSession() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    /** The frame the code was found in stays on screen under its outline, long enough to see what was read. */
    private void showFound(QrDecoder.Found found, FrameSource.Frame frame) {
        frozen = true;
        draw(frame);
        showOutline(found, frame);
        status.setText(Messages.get("camera.found"));
        onText.accept(found.text());
        var linger = new PauseTransition(FOUND_LINGER);
        linger.setOnFinished(e -> stage.close());
        linger.play();
    }

    /** On the JavaFX thread, once per screen refresh: the newest frame, if it is new. */
    private void paint() {
        CameraSession current = session;
        FrameSource.Frame frame = current == null ? null : current.latest();
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
