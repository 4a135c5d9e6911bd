package org.devicelink.app.signin;

import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
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

        // where no browser opens (none installed, or it failed to start), the person can still get there
        var noBrowser = new Label(Messages.get("signin.no-browser"));
        noBrowser.getStyleClass().add("text-muted");
        noBrowser.setWrapText(true);
        noBrowser.setMaxWidth(440);
        var address = new TextField();
        address.setId("signInAddress");
        address.setEditable(false);
        address.setMaxWidth(440);
        address.textProperty().bind(model.addressProperty());
        address.setAccessibleText(Messages.get("signin.address"));
        var copy = new Button(Messages.get("signin.copy"), new FontIcon(Feather.COPY));
        copy.setId("copySignInAddress");
        copy.setOnAction(e -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, model.addressProperty().get())));
        var cancel = new Button(Messages.get("signin.cancel"));
        cancel.setId("cancelSignIn");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancelSignIn());
        var fallback = new VBox(8, noBrowser, address, new HBox(8, copy, cancel));
        fallback.setMaxWidth(440);
        fallback.visibleProperty().bind(model.addressProperty().isNotEmpty());
        fallback.managedProperty().bind(fallback.visibleProperty());

        var error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMaxWidth(440);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        root.getChildren().addAll(icon, title, explain, button, progress, waiting, fallback, error, where);
        root.setAlignment(Pos.CENTER);
        root.setId("signInScreen");
    }

    public Parent root() {
        return root;
    }
}
