package org.devicelink.app.signin;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.devicelink.i18n.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The screen shown while nobody is signed in: what signing in does, and the button that starts it. */
public final class SignInView {

    private final VBox root = new VBox(16);

    public SignInView(SignInViewModel model, String whereText) {
        var icon = new FontIcon(Feather.USER_CHECK);
        icon.setIconSize(48);
        icon.getStyleClass().add("accent-icon");
        var title = new Label(Messages.get("signin.title"));
        title.getStyleClass().add("title-1");
        var explain = new Label(Messages.get("signin.explain"));
        explain.setWrapText(true);
        explain.setMaxWidth(440);
        var where = new Label(whereText);
        where.getStyleClass().add("text-muted");
        where.setWrapText(true);
        where.setMaxWidth(440);

        var button = new Button(Messages.get("signin.button"), new FontIcon(Feather.LOG_IN));
        button.setId("signInButton");
        button.setDefaultButton(true);
        button.getStyleClass().add("accent");
        button.disableProperty().bind(model.busyProperty());
        button.setOnAction(e -> model.signInInteractively());

        var progress = new ProgressIndicator();
        progress.setMaxSize(28, 28);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        var waiting = new Label(Messages.get("signin.waiting"));
        waiting.getStyleClass().add("text-muted");
        waiting.visibleProperty().bind(model.busyProperty());
        waiting.managedProperty().bind(waiting.visibleProperty());

        var error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMaxWidth(440);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        root.getChildren().addAll(icon, title, explain, button, progress, waiting, error, where);
        root.setAlignment(Pos.CENTER);
        root.setId("signInScreen");
    }

    public Parent root() {
        return root;
    }
}
