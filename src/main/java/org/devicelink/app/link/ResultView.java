package org.devicelink.app.link;

import java.util.ArrayList;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.wording.LinkWording;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Step 3: linked (and what happens next), denied, or what went wrong and what to do. */
final class ResultView {

    private final VBox root = new VBox(14);

    ResultView(LinkViewModel model, Runnable showDevices) {
        var icon = new FontIcon();
        icon.setIconSize(48);
        var title = new Label();
        title.setId("resultTitle");
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        var detail = new Label();
        detail.setId("resultDetail");
        detail.setWrapText(true);

        var another = new Button(Messages.get("result.another"), new FontIcon(Feather.PLUS));
        another.setId("linkAnotherButton");
        another.setOnAction(e -> model.startOver());
        var devices = new Button(Messages.get("result.devices"), new FontIcon(Feather.MONITOR));
        devices.setId("showDevicesButton");
        devices.setOnAction(e -> {
            model.startOver();
            showDevices.run();
        });
        var retry = new Button(Messages.get("result.retry"), new FontIcon(Feather.REFRESH_CW));
        retry.setId("retryButton");
        retry.getStyleClass().add("accent");
        retry.setOnAction(e -> model.retry());
        retry.managedProperty().bind(retry.visibleProperty());
        devices.managedProperty().bind(devices.visibleProperty());
        var actions = new HBox(10, retry, devices, another);
        actions.setAlignment(Pos.CENTER_LEFT);
        // the app's device limit: pick which of its devices goes, and this one is linked in the same step
        var replace = new VBox(8);
        replace.setId("replaceChoices");
        replace.managedProperty().bind(replace.visibleProperty());
        replace.visibleProperty().bind(Bindings.isNotEmpty(model.replaceable()));
        model.replaceable().addListener((ListChangeListener<LinkedDevice>) c -> {
            var rows = new ArrayList<Node>();
            rows.add(new Label(Messages.get("result.replace.intro")));
            for (LinkedDevice old : model.replaceable()) {
                var name = new Label(old.name());
                name.getStyleClass().add("text-bold");
                name.setMinWidth(180);
                var swap = new Button(Messages.get("result.replace", old.name()), new FontIcon(Feather.REPEAT));
                swap.setId("replace-" + old.id());
                swap.setOnAction(e -> model.replaceAndApprove(old));
                var row = new HBox(12, name, swap);
                row.setAlignment(Pos.CENTER_LEFT);
                rows.add(row);
            }
            replace.getChildren().setAll(rows);
        });
        root.getChildren().addAll(icon, title, detail, replace, actions);
        root.setMaxWidth(560);

        var words = model.outcomeWordsProperty();
        title.textProperty().bind(Bindings.createStringBinding(() -> words.get() == null ? "" : words.get().heading(), words));
        detail.textProperty().bind(Bindings.createStringBinding(() -> words.get() == null ? "" : words.get().next(), words));
        words.addListener((o, old, said) -> {
            if (said == null) {
                return;
            }
            icon.getStyleClass().removeAll("success-icon", "danger-icon", "muted-icon");
            icon.getStyleClass().add(switch (said.tone()) {
                case LINKED -> "success-icon";
                case FAILED -> "danger-icon";
                case WAITING, DECLINED -> "muted-icon";
            });
            icon.setIconCode(switch (said.tone()) {
                case LINKED -> Feather.CHECK_CIRCLE;
                case WAITING -> Feather.CLOCK;
                case DECLINED -> Feather.SHIELD;
                case FAILED -> Feather.ALERT_CIRCLE;
            });
            var outcome = model.outcomeProperty().get();
            retry.setVisible(outcome instanceof LinkOutcome.Failed failed && failed.retry());
            devices.setVisible(said.tone() == LinkWording.Tone.LINKED);
            devices.setDefaultButton(outcome instanceof LinkOutcome.Linked);
        });
    }

    Parent root() {
        return root;
    }
}
