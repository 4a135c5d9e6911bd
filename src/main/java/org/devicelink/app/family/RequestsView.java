package org.devicelink.app.family;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.FamilyRequest;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A parent's Requests screen: one card for each child's request, with what the confirm screen shows of a device
 * (app, name and model, network, when) and Approve / Decline.
 */
public final class RequestsView {

    private final VBox root = new VBox(12);

    public RequestsView(FamilyViewModel model) {
        var title = new Label(Messages.get("requests.title"));
        title.getStyleClass().add("title-1");
        var progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var heading = new HBox(10, title, spacer, progress);
        heading.setAlignment(Pos.CENTER_LEFT);

        var cards = new VBox(10);
        cards.setId("requestsList");
        var empty = new Label(Messages.get("requests.empty"));
        empty.setId("requestsEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        Runnable show = () -> {
            cards.getChildren().setAll(model.requests().stream().map(r -> card(model, r)).toList());
            if (model.requests().isEmpty()) {
                cards.getChildren().setAll(empty);
            }
        };
        model.requests().addListener((ListChangeListener<FamilyRequest>) c -> show.run());
        show.run();
        var scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        var error = new Label();
        error.setId("requestsError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        var status = new Label();
        status.setId("requestsStatus");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.statusProperty());

        root.getChildren().addAll(heading, scroll, error, status);
        root.setId("requestsScreen");
        root.getStyleClass().add("screen");
        root.setMaxWidth(720);
    }

    public Parent root() {
        return root;
    }

    private static Node card(FamilyViewModel model, FamilyRequest request) {
        var icon = new FontIcon(Feather.TV);
        icon.setIconSize(28);
        var words = model.card(request);
        var asks = new Label(words.asks());
        asks.getStyleClass().add("title-4");
        asks.setWrapText(true);
        var details = new Label(words.details());
        details.setWrapText(true);
        var when = new Label(words.when());
        when.getStyleClass().add("text-muted");

        var approve = new Button(Messages.get("requests.approve"), new FontIcon(Feather.CHECK));
        approve.getStyleClass().add("success");
        approve.setId("approveRequest-" + request.id());
        approve.disableProperty().bind(model.busyProperty());
        approve.setOnAction(e -> model.approve(request));
        var decline = new Button(Messages.get("requests.decline"), new FontIcon(Feather.X));
        decline.setId("declineRequest-" + request.id());
        decline.disableProperty().bind(model.busyProperty());
        decline.setOnAction(e -> model.decline(request));
        var actions = new HBox(10, approve, decline);

        var text = new VBox(6, asks, details, when, actions);
        HBox.setHgrow(text, Priority.ALWAYS);
        var card = new HBox(14, icon, text);
        card.getStyleClass().add("request-card");
        card.setId("request-" + request.id());
        return card;
    }
}
