package org.devicelink.app.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicelink.app.common.MemberFilter;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyMember;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Step 2: what is asking, from where and when, the code to compare with the device's screen, a countdown, a
 * warning when the request came from another network (RFC 8628 §5.4), and Approve / Deny / I didn't start this.
 */
final class ConfirmView {

    private final VBox root = new VBox(14);
    private final Timeline countdown;

    ConfirmView(LinkViewModel model) {
        var title = new Label();
        title.setId("confirmTitle");
        title.getStyleClass().add("title-2");
        title.setWrapText(true);

        var details = new GridPane(16, 8);
        details.setId("confirmDetails");
        var account = value("confirmAccount");
        account.textProperty().bind(model.accountProperty());
        var accountHint = new Label();
        accountHint.getStyleClass().add("text-muted");
        accountHint.setWrapText(true);
        // a parent chooses whose the device becomes: theirs or a child's
        var owner = new ComboBox<>(model.owners());
        owner.setId("ownerChooser");
        owner.valueProperty().bindBidirectional(model.ownerProperty());
        owner.setConverter(new StringConverter<>() {
            @Override
            public String toString(FamilyMember member) {
                return member == null ? "" : MemberFilter.label(member);
            }

            @Override
            public FamilyMember fromString(String text) {
                return null; // not editable
            }
        });
        var choosing = Bindings.size(model.owners()).greaterThan(1);
        owner.visibleProperty().bind(choosing);
        owner.managedProperty().bind(choosing);
        account.visibleProperty().bind(choosing.not());
        account.managedProperty().bind(choosing.not());
        var accountKey = key("confirm.account");
        accountKey.textProperty().bind(Bindings.when(choosing).then(Messages.get("confirm.owner")).otherwise(Messages.get("confirm.account")));
        accountHint.textProperty().bind(Bindings.when(choosing).then(Messages.get("confirm.ownerHint"))
                .otherwise(Messages.get("confirm.accountHint")));
        var app = value("confirmApp");
        var device = value("confirmDevice");
        var model_ = value("confirmModel");
        var network = value("confirmNetwork");
        var when = value("confirmWhen");
        var scopes = value("confirmScopes");
        var keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE); // the wrapped hint beside must not squeeze the names to "…"
        details.getColumnConstraints().addAll(keys, new ColumnConstraints());
        details.addRow(0, accountKey, new HBox(account, owner));
        details.add(accountHint, 1, 1);
        details.addRow(2, key("confirm.app"), app);
        details.addRow(3, key("confirm.device"), device);
        details.addRow(4, key("confirm.model"), model_);
        details.addRow(5, key("confirm.from"), network);
        details.addRow(6, key("confirm.when"), when);
        details.addRow(7, key("confirm.scopes"), scopes);

        var compare = new Label(Messages.get("confirm.compare"));
        var code = new Label();
        code.setId("confirmCode");
        code.getStyleClass().add("code-display");
        var remaining = new Label();
        remaining.setId("confirmCountdown");
        remaining.getStyleClass().add("text-muted");
        remaining.textProperty().bind(Bindings.createStringBinding(() -> {
            long s = model.secondsLeftProperty().get();
            return s <= 0 ? Messages.get("confirm.expired") : Messages.get("confirm.expires", s / 60, String.format("%02d", s % 60));
        }, model.secondsLeftProperty()));

        var warning = banner("networkWarning", Feather.ALERT_TRIANGLE);
        warning.visibleProperty().bind(model.fromAnotherNetworkProperty());
        var sprayed = banner("seenByOthersWarning", Feather.ALERT_TRIANGLE);
        sprayed.setText(Messages.get("confirm.seenByOthers"));
        sprayed.visibleProperty().bind(model.seenByOthersProperty());
        var signsOut = banner("signsOutWarning", Feather.LOG_OUT);
        signsOut.setVisible(false);

        // Deny first and alike, and no default button: Enter never approves, and neither choice is the easier one
        var approve = new Button(Messages.get("confirm.approve"), new FontIcon(Feather.CHECK));
        approve.setId("approveButton");
        approve.disableProperty().bind(model.busyProperty().or(model.secondsLeftProperty().isEqualTo(0)));
        approve.setOnAction(e -> model.approve());
        var deny = new Button(Messages.get("confirm.deny"), new FontIcon(Feather.X));
        deny.setId("denyButton");
        deny.disableProperty().bind(model.busyProperty());
        deny.setOnAction(e -> model.deny(false));
        var report = new Hyperlink(Messages.get("confirm.report"));
        report.setId("reportLink");
        report.getStyleClass().add("danger");
        report.disableProperty().bind(model.busyProperty());
        report.setOnAction(e -> model.deny(true));
        var back = new Hyperlink(Messages.get("confirm.back"));
        back.setId("confirmBack");
        back.setOnAction(e -> model.startOver());
        var actions = new HBox(10, deny, approve, report);
        actions.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(title, warning, sprayed, signsOut, details, compare, code, remaining, actions, back);
        root.setMaxWidth(600);

        model.pendingProperty().addListener((o, old, link) -> {
            if (link == null) {
                return;
            }
            showTitle(title, model);
            app.setText(link.appName());
            device.setText(orUnknown(link.deviceName()));
            model_.setText(orUnknown(link.deviceModel()));
            network.setText(link.network());
            when.setText(Messages.ago(link.requestedAt(), Instant.now()));
            scopes.setText(Messages.scopes(link.scopes()));
            code.setText(link.code());
            warning.setText(Messages.get("confirm.otherNetwork", link.network()));
            showSignsOut(signsOut, model);
        });
        model.ownerProperty().addListener((o, old, now) -> {
            showTitle(title, model);
            showSignsOut(signsOut, model);
        });
        countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> model.tick(Instant.now())));
        countdown.setCycleCount(Timeline.INDEFINITE);
        // ticks only while the confirmation is on screen
        model.stageProperty().addListener((o, old, stage) -> {
            if (stage == LinkViewModel.Stage.CONFIRM) {
                countdown.play();
                // the keyboard starts on the safe choice: Enter (or Space) on the confirmation denies, never approves
                javafx.application.Platform.runLater(deny::requestFocus);
            } else {
                countdown.stop();
            }
        });
    }

    Parent root() {
        return root;
    }

    /** One console at a time: which console goes, for whoever the device is chosen to become, before it goes. */
    private static void showSignsOut(Label warning, LinkViewModel model) {
        var link = model.pendingProperty().get();
        FamilyMember owner = model.ownerProperty().get();
        boolean mine = owner == null || owner.you();
        var names = link == null ? List.<String>of()
                : link.signsOut().getOrDefault(mine ? ApproveRequest.ME : owner.id(), List.of());
        warning.setVisible(!names.isEmpty());
        if (!names.isEmpty()) {
            String key = (mine ? "confirm.signsOut" : "confirm.signsOut.child") + (names.size() == 1 ? "" : ".many");
            warning.setText(Messages.get(key, String.join(", ", names), link.appName(), mine ? "" : owner.name()));
        }
    }

    /** "Link Sam's Switch to your account?", or to the chosen child's. */
    private static void showTitle(Label title, LinkViewModel model) {
        var link = model.pendingProperty().get();
        if (link == null) {
            return;
        }
        String name = link.deviceName() != null ? link.deviceName() : link.appName();
        FamilyMember owner = model.ownerProperty().get();
        title.setText(owner == null || owner.you() ? Messages.get("confirm.title", name) : Messages.get("confirm.titleFor", name, owner.name()));
    }

    private static Label key(String messageKey) {
        var label = new Label(Messages.get(messageKey));
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label value(String id) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add("text-bold");
        return label;
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? Messages.get("confirm.unknown") : text;
    }

    /** A warning above the details: shown only while it applies, taking no room otherwise. */
    private static Label banner(String id, Feather icon) {
        var banner = new Label();
        banner.setId(id);
        banner.getStyleClass().add("warning-banner");
        banner.setWrapText(true);
        banner.setGraphic(new FontIcon(icon));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
