package org.devicelink.app.support;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicelink.app.common.Language;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.CodeStory;
import org.devicelink.protocol.LinkedDevice;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Support screen: type the code a customer reads out, see at once whether it is valid, what asked with it and
 * its story; with a written reason, the customer's devices. Nothing here changes anything.
 */
public final class SupportView {

    private final VBox root = new VBox(12);

    public SupportView(SupportViewModel model) {
        var title = new Label(Messages.get("support.title"));
        title.getStyleClass().add("title-1");
        var intro = new Label(Messages.get("support.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");

        var code = new TextField();
        Language.leftToRight(code).setId("supportCode");
        code.setPromptText(Messages.get("support.codePrompt"));
        code.setAccessibleText(Messages.get("support.title")); // a placeholder (an example) is no name to be read by
        code.getStyleClass().add("code-field");
        code.setPrefColumnCount(10);
        code.textProperty().bindBidirectional(model.codeProperty());
        code.setOnAction(e -> model.lookUp());
        var lookUp = new Button(Messages.get("support.lookUp"), new FontIcon(Feather.SEARCH));
        lookUp.setId("supportLookUp");
        lookUp.getStyleClass().add("accent");
        lookUp.disableProperty().bind(model.busyProperty());
        lookUp.setOnAction(e -> model.lookUp());
        var progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        var ask = new HBox(10, code, lookUp, progress);
        ask.setAlignment(Pos.CENTER_LEFT);

        var error = new Label();
        error.setId("supportError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());

        var verdict = new Label();
        verdict.setId("supportVerdict");
        verdict.getStyleClass().add("title-3");
        verdict.setWrapText(true);
        var hint = new Label();
        hint.setId("supportHint");
        hint.getStyleClass().add("warning-banner");
        hint.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.visibleProperty());
        var facts = new GridPane(16, 6);
        facts.managedProperty().bind(facts.visibleProperty());
        var story = new VBox(4);
        story.setId("supportStory");

        var reason = new TextField();
        reason.setId("supportReason");
        reason.setPromptText(Messages.get("support.reasonPrompt"));
        reason.setAccessibleText(reason.getPromptText());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        var showDevices = new Button(Messages.get("support.showDevices"), new FontIcon(Feather.MONITOR));
        showDevices.setId("supportShowDevices");
        showDevices.disableProperty().bind(model.reasonGivenProperty().not().or(model.busyProperty()));
        showDevices.setOnAction(e -> model.showCustomerDevices());
        var customer = new HBox(10, reason, showDevices);
        customer.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reason, Priority.ALWAYS);
        customer.managedProperty().bind(customer.visibleProperty());
        var devices = new ListView<LinkedDevice>(model.customerDevices());
        devices.setId("supportDevices");
        devices.setPrefHeight(96);
        devices.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LinkedDevice device, boolean empty) {
                super.updateItem(device, empty);
                setText(empty || device == null ? null : Messages.get("support.device", device.name(), device.appName(),
                        Messages.get("devices.status." + device.status().wire()), Messages.moment(device.linkedAt(), false)));
            }
        });
        devices.visibleProperty().bind(Bindings.isNotEmpty(model.customerDevices()));
        devices.managedProperty().bind(devices.visibleProperty());

        var result = new VBox(10, verdict, hint, facts, story, customer, devices);
        result.setId("supportResult");
        result.getStyleClass().add("request-card");
        result.managedProperty().bind(result.visibleProperty());
        result.setVisible(false);

        model.storyProperty().addListener((o, old, found) -> {
            result.setVisible(found != null);
            if (found == null) {
                return;
            }
            verdict.setText(Messages.get("support.status." + found.status(), found.code()));
            hint.setVisible(found.nearMiss());
            hint.setText(Messages.get("support.nearMiss"));
            facts.getChildren().clear();
            facts.setVisible(found.appName() != null);
            if (found.appName() != null) {
                facts.addRow(0, key("confirm.app"), value(found.appName()));
                facts.addRow(1, key("confirm.device"), value(orUnknown(found.deviceName())));
                facts.addRow(2, key("confirm.model"), value(orUnknown(found.deviceModel())));
                facts.addRow(3, key("confirm.from"), value(found.network()));
            }
            story.getChildren().setAll(found.events().stream().map(SupportView::line).toList());
            customer.setVisible(found.customerId() != null);
        });

        for (var label : List.of(intro, verdict, hint, error)) {
            label.setMinHeight(Region.USE_PREF_SIZE); // wrapped sentences keep every line
        }
        root.getChildren().addAll(title, intro, ask, error, result);
        root.setId("supportScreen");
        root.getStyleClass().add("screen");
        root.setMaxWidth(720);
    }

    public Parent root() {
        return root;
    }

    private static Label line(CodeStory.Event event) {
        String what = Messages.get("support.event." + event.what());
        String text = Messages.moment(event.at(), true) + "  " + (event.by() == null ? what : Messages.get("support.by", what, event.by()));
        return new Label(text);
    }

    private static Label key(String messageKey) {
        var label = new Label(Messages.get(messageKey));
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label value(String text) {
        var label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? Messages.get("confirm.unknown") : text;
    }
}
