package org.devicelink.app.link;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
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
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.MemberFilter;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.wording.LinkWording;
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
        accountHint.setMinHeight(Region.USE_PREF_SIZE); // wrapped in full, never cut to "…"
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
        accountKey.textProperty().bind(Bindings.when(choosing).then(Messages.get("confirm.owner"))
                .otherwise(Messages.get("confirm.account")));
        accountHint.textProperty().bind(Bindings.when(choosing).then(Messages.get("confirm.ownerHint"))
                .otherwise(Messages.get("confirm.accountHint")));
        var keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE); // the wrapped hint beside must not squeeze the names to "…"
        details.getColumnConstraints().addAll(keys, new ColumnConstraints());
        details.addRow(0, accountKey, new HBox(account, owner));
        details.add(accountHint, 1, 1);
        // the wording layer's details, in its order: app, device, model, network, when, what it may do
        var confirmation = model.confirmationProperty();
        List<String> ids = List.of("confirmApp", "confirmDevice", "confirmModel", "confirmNetwork", "confirmWhen", "confirmScopes");
        for (int i = 0; i < ids.size(); i++) {
            int row = i;
            var key = new Label();
            key.getStyleClass().add("text-muted");
            key.textProperty().bind(Bindings.createStringBinding(() -> detail(confirmation.get(), row).label(), confirmation));
            var value = value(ids.get(i));
            value.textProperty().bind(Bindings.createStringBinding(() -> detail(confirmation.get(), row).value(), confirmation));
            details.addRow(2 + i, key, value);
        }

        var compare = new Label(Messages.get("confirm.compare"));
        var code = new Label();
        Language.leftToRight(code).setId("confirmCode");
        code.getStyleClass().add("code-display");
        var remaining = new Label();
        remaining.setId("confirmCountdown");
        remaining.getStyleClass().add("text-muted");
        remaining.textProperty().bind(Bindings.createStringBinding(() -> LinkWording.countdown(model.secondsLeftProperty().get()),
                model.secondsLeftProperty()));

        var warning = banner("networkWarning", Feather.ALERT_TRIANGLE, confirmation, LinkWording.Confirmation::otherNetwork);
        var sprayed = banner("seenByOthersWarning", Feather.ALERT_TRIANGLE, confirmation, LinkWording.Confirmation::seenByOthers);
        var signsOut = banner("signsOutWarning", Feather.LOG_OUT, confirmation, LinkWording.Confirmation::signsOut);
        title.textProperty().bind(Bindings.createStringBinding(() -> confirmation.get() == null ? "" : confirmation.get().title(),
                confirmation));
        code.textProperty().bind(Bindings.createStringBinding(() -> model.pendingProperty().get() == null ? ""
                : model.pendingProperty().get().code(), model.pendingProperty()));

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

        countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        countdown.setCycleCount(Timeline.INDEFINITE);
        // ticks only while the confirmation is on screen
        model.stageProperty().addListener((o, old, stage) -> {
            if (stage == LinkViewModel.Stage.CONFIRM) {
                countdown.play();
                // the keyboard starts on the safe choice: Enter (or Space) on the confirmation denies, never approves
                Platform.runLater(deny::requestFocus);
            } else {
                countdown.stop();
            }
        });
    }

    Parent root() {
        return root;
    }

    private static LinkWording.Detail detail(LinkWording.Confirmation confirmation, int row) {
        return confirmation == null ? new LinkWording.Detail("", "") : confirmation.details().get(row);
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
        // a longer language, or a longer list of what it may do, wraps onto a second line instead of ending in "…"
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A warning above the details: shown only while it applies, taking no room otherwise. */
    private static Label banner(String id, Feather icon, ObjectProperty<LinkWording.Confirmation> confirmation,
                                Function<LinkWording.Confirmation, Optional<String>> sentence) {
        var banner = new Label();
        var text = Bindings.createStringBinding(() -> confirmation.get() == null ? "" : sentence.apply(confirmation.get()).orElse(""),
                confirmation);
        banner.textProperty().bind(text);
        banner.visibleProperty().bind(text.isNotEmpty());
        banner.setId(id);
        banner.getStyleClass().add("warning-banner");
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE); // a warning is read in full, never cut to "…"
        banner.setGraphic(new FontIcon(icon));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
