package org.devicelink.app.link;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.scan.ScanSources;

/** The "Link a device" screen: enter the code, confirm, see the result; one step visible at a time. */
public final class LinkScreen {

    private final StackPane root = new StackPane();
    private final EnterCodeView enter;

    public LinkScreen(LinkViewModel model, Supplier<Window> window, Runnable showDevices, ScanSources scanSources,
                      UiExecutor executor) {
        enter = new EnterCodeView(model, window, scanSources, executor);
        var confirm = new ConfirmView(model);
        var result = new ResultView(model, showDevices);
        root.getChildren().addAll(enter.root(), confirm.root(), result.root());
        root.setId("linkScreen");
        root.getStyleClass().add("screen");
        Runnable show = () -> {
            var stage = model.stageProperty().get();
            enter.root().setVisible(stage == LinkViewModel.Stage.ENTER);
            confirm.root().setVisible(stage == LinkViewModel.Stage.CONFIRM);
            result.root().setVisible(stage == LinkViewModel.Stage.RESULT);
            if (stage == LinkViewModel.Stage.ENTER) {
                enter.focus();
            }
        };
        model.stageProperty().addListener((o, old, now) -> show.run());
        show.run();
        for (var node : root.getChildren()) {
            StackPane.setAlignment(node, Pos.TOP_LEFT);
        }
    }

    /** Puts the keyboard in the code field, ready to type. */
    public void focusCode() {
        Platform.runLater(enter::focus);
    }

    public Parent root() {
        return root;
    }
}
