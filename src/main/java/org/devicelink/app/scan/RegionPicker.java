package org.devicelink.app.scan;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.devicelink.i18n.Messages;
import org.devicelink.scan.FrameSource;

/**
 * When the whole screen gave no code: the screenshot fills the screen and the person drags a rectangle round the QR
 * (a small one, a thumbnail in a chat, reads once it is cut out and enlarged). Esc cancels.
 */
public final class RegionPicker {

    private static final double MIN_SIDE = 8;

    private RegionPicker() {}

    /** Shows the screenshot; {@code onPicked} gets the part of it the person dragged round. On the JavaFX thread. */
    public static Stage show(Window owner, FrameSource.Frame screenshot, Consumer<FrameSource.Frame> onPicked) {
        var image = new WritableImage(screenshot.width(), screenshot.height());
        if (screenshot.bgra() != null) {
            image.getPixelWriter().setPixels(0, 0, screenshot.width(), screenshot.height(), PixelFormat.getByteBgraInstance(),
                    ByteBuffer.wrap(screenshot.bgra()), screenshot.width() * 4);
        }
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        var view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setFitWidth(bounds.getWidth());
        view.setFitHeight(bounds.getHeight());
        view.setOpacity(0.85); // a little dimmed: this is a picture of the screen, not the screen
        var selection = new Rectangle();
        selection.setId("regionSelection");
        selection.setStroke(Color.LIMEGREEN);
        selection.setStrokeWidth(2);
        selection.setFill(Color.color(0.2, 0.8, 0.2, 0.15));
        selection.setVisible(false);
        var layer = new Pane(selection);
        var hint = new Label(Messages.get("region.hint"));
        hint.setId("regionHint");
        hint.setStyle("-fx-background-color: rgba(0,0,0,0.75); -fx-text-fill: white; -fx-font-size: 15px;");
        hint.setPadding(new Insets(8, 14, 8, 14));
        hint.setMouseTransparent(true);
        var root = new StackPane(view, layer, hint);
        root.setId("regionPicker");
        StackPane.setAlignment(hint, Pos.TOP_CENTER);
        StackPane.setMargin(hint, new Insets(24));
        root.setStyle("-fx-background-color: black;");

        var stage = new Stage(StageStyle.UNDECORATED);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setScene(new Scene(root, bounds.getWidth(), bounds.getHeight()));
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });

        double[] start = new double[2];
        layer.setOnMousePressed(e -> {
            start[0] = e.getX();
            start[1] = e.getY();
            selection.setX(e.getX());
            selection.setY(e.getY());
            selection.setWidth(0);
            selection.setHeight(0);
            selection.setVisible(true);
        });
        layer.setOnMouseDragged(e -> {
            selection.setX(Math.min(start[0], e.getX()));
            selection.setY(Math.min(start[1], e.getY()));
            selection.setWidth(Math.abs(e.getX() - start[0]));
            selection.setHeight(Math.abs(e.getY() - start[1]));
        });
        layer.setOnMouseReleased(e -> {
            if (selection.getWidth() < MIN_SIDE || selection.getHeight() < MIN_SIDE) {
                selection.setVisible(false);
                return;
            }
            // from the layer's coordinates to the screenshot's pixels, through where the picture sits in the layer
            var shown = view.getBoundsInParent();
            double scale = screenshot.width() / shown.getWidth();
            int x = (int) Math.floor((selection.getX() - shown.getMinX()) * scale);
            int y = (int) Math.floor((selection.getY() - shown.getMinY()) * scale);
            int w = (int) Math.ceil(selection.getWidth() * scale);
            int h = (int) Math.ceil(selection.getHeight() * scale);
            stage.close();
            onPicked.accept(screenshot.crop(x, y, w, h));
        });
        stage.show();
        return stage;
    }
}
