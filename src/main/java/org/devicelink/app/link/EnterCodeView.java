package org.devicelink.app.link;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.app.scan.CameraDialog;
import org.devicelink.app.scan.RegionPicker;
import org.devicelink.i18n.Messages;
import org.devicelink.scan.FrameSource;
import org.devicelink.scan.Picture;
import org.devicelink.scan.ScanSources;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Step 1 of linking: the code field (formatted as it is typed) and the Scan button (camera, screen, picture file). */
final class EnterCodeView {

    private final VBox root = new VBox(14);
    private final TextField field = new TextField();

    EnterCodeView(LinkViewModel model, Supplier<Window> window, ScanSources sources, UiExecutor executor) {
        var title = new Label(Messages.get("link.title"));
        title.getStyleClass().add("title-1");
        var explain = new Label(Messages.get("link.explain"));
        explain.setWrapText(true);

        Language.leftToRight(field).setId("codeField");
        field.getStyleClass().add("code-field");
        field.setPromptText("XXXX-XXXX");
        field.setMaxWidth(320);
        field.setAccessibleText(Messages.get("link.code.accessible"));
        field.setTextFormatter(new TextFormatter<String>(change -> {
            if (!change.isContentChange()) {
                return change;
            }
            String formatted = CodeFormat.format(change.getControlNewText());
            change.setRange(0, change.getControlText().length());
            change.setText(formatted);
            change.setCaretPosition(formatted.length());
            change.setAnchor(formatted.length());
            return change;
        }));
        field.textProperty().bindBidirectional(model.codeProperty());
        field.setOnAction(e -> {
            if (model.codeCompleteProperty().get() && !model.busyProperty().get()) {
                model.lookUp();
            }
        });

        var hint = new Label();
        hint.setId("codeHint");
        hint.getStyleClass().add("warning");
        hint.setWrapText(true);
        hint.textProperty().bind(model.hintProperty());

        var next = new Button(Messages.get("link.continue"), new FontIcon(Feather.ARROW_RIGHT));
        next.setId("continueButton");
        next.getStyleClass().add("accent");
        next.disableProperty().bind(model.codeCompleteProperty().not().or(model.busyProperty()));
        next.setOnAction(e -> model.lookUp());

        var scan = new SplitMenuButton();
        Map<ScanSources.Kind, MenuItem> ways = new EnumMap<>(ScanSources.Kind.class);
        var fromCamera = scanItem(scan, ways, sources, ScanSources.Kind.CAMERA, "scanCamera", "link.scan.camera");
        fromCamera.setOnAction(e -> new CameraDialog(window.get(), sources, executor, model::acceptScanned).show());
        var fromScreen = scanItem(scan, ways, sources, ScanSources.Kind.SCREEN, "scanScreen", "link.scan.screen");
        fromScreen.setAccelerator(SCAN_SCREEN);
        // the whole screen first; when it shows no code of ours, the person drags round the QR on a picture of it
        fromScreen.setOnAction(e -> model.scanScreen(() -> captureScreen(window.get(), sources),
                screen -> RegionPicker.show(window.get(), screen, model::scanRegion)));
        var fromFile = scanItem(scan, ways, sources, ScanSources.Kind.FILE, "scanFile", "link.scan.file");
        fromFile.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.setTitle(Messages.get("link.scan.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("link.scan.images"),
                    "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            var file = chooser.showOpenDialog(window.get());
            if (file != null) {
                model.scanFile(file.toPath());
            }
        });
        // Scan does again what the person did last (a QR on the screen: Scan, then Approve); the arrow offers every way
        scan.setText(Messages.get("link.scan"));
        scan.getItems().setAll(ways.values());
        scan.setId("scanButton");
        scan.disableProperty().bind(model.busyProperty());
        scan.getItems().forEach(item -> item.disableProperty().bind(model.busyProperty())); // and their shortcut with them
        showLast(scan, ways, sources);
        scan.setOnAction(e -> sources.lastKind().map(ways::get).ifPresentOrElse(MenuItem::fire, scan::show));

        var progress = new ProgressIndicator();
        progress.setMaxSize(24, 24);
        progress.visibleProperty().bind(model.busyProperty());

        var error = new Label();
        error.setId("linkError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());

        var buttons = new HBox(10, next, scan, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        var dropHint = new Label(Messages.get("link.drop"));
        dropHint.getStyleClass().add("text-muted");
        dropHint.setWrapText(true);
        root.getChildren().addAll(title, explain, field, hint, buttons, error, dropHint);
        root.setMaxWidth(560);

        // a screenshot of the QR pasted (Ctrl+V / Cmd+V) is scanned too; pasted text goes into the field as usual
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            var clipboard = Clipboard.getSystemClipboard();
            if (PASTE.match(e) && clipboard.hasImage() && !clipboard.hasString()) {
                scanImage(model, clipboard.getImage());
                e.consume();
            }
        });
        // a picture of the QR dropped anywhere on the screen is scanned like one chosen with Scan
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                model.scanFile(files.getFirst().toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    /** Ctrl+Shift+S (Cmd+Shift+S on a Mac) scans the screen from the Link screen. */
    static final KeyCombination SCAN_SCREEN = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private static final Map<ScanSources.Kind, Feather> ICONS =
            Map.of(ScanSources.Kind.CAMERA, Feather.CAMERA, ScanSources.Kind.SCREEN, Feather.MONITOR, ScanSources.Kind.FILE, Feather.IMAGE);

    /** One way to scan in Scan's menu, kept in {@code ways}: used, it becomes what Scan does. */
    private static MenuItem scanItem(SplitMenuButton scan, Map<ScanSources.Kind, MenuItem> ways, ScanSources sources,
                                     ScanSources.Kind kind, String id, String words) {
        var item = new MenuItem(Messages.get(words), new FontIcon(ICONS.get(kind)));
        item.setId(id);
        item.addEventHandler(ActionEvent.ACTION, e -> {
            sources.used(kind);
            showLast(scan, ways, sources);
        });
        ways.put(kind, item);
        return item;
    }

    /** Scan shows the icon of what it will do, and says it when pointed at; before any scan, the QR icon and the menu. */
    private static void showLast(SplitMenuButton scan, Map<ScanSources.Kind, MenuItem> ways, ScanSources sources) {
        var last = sources.lastKind();
        scan.setGraphic(new FontIcon(last.map(ICONS::get).orElse(Feather.MAXIMIZE)));
        scan.setTooltip(last.map(kind -> new Tooltip(ways.get(kind).getText())).orElse(null));
    }

    /** Reads the QR in a pasted picture: its pixels are copied on the JavaFX thread, decoded off it. */
    static void scanImage(LinkViewModel model, Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        var argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        model.scanPasted(argb, w, h);
    }

    /**
     * One capture of the screen with this window out of the way (it may be covering the QR), then the window back.
     * Runs off the JavaFX thread.
     */
    private static FrameSource captureScreen(Window window, ScanSources sources) throws Exception {
        Stage stage = window instanceof Stage s ? s : null;
        if (stage != null) {
            Platform.runLater(() -> stage.setIconified(true));
            Thread.sleep(SCREEN_SETTLE.toMillis()); // the system's minimise animation
        }
        try (FrameSource screen = sources.screen()) {
            return screen.next().map(Picture::of).orElseThrow(() -> new FrameSource.ScanFailure(Messages.get("scan.nothing")));
        } finally {
            if (stage != null) {
                Platform.runLater(() -> {
                    stage.setIconified(false);
                    stage.toFront();
                });
            }
        }
    }

    private static final Duration SCREEN_SETTLE = Duration.ofMillis(400);

    Parent root() {
        return root;
    }

    void focus() {
        field.requestFocus();
    }
}
