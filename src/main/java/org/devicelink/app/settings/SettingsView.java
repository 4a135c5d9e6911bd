package org.devicelink.app.settings;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.devicelink.app.Messages;

/** Server, sign-in provider and theme. A new server or provider takes effect at the next start; the theme at once. */
public final class SettingsView {

    private final VBox root = new VBox(14);

    public SettingsView(AppSettings current, Path dataDir, Consumer<String> applyTheme) {
        var title = new Label(Messages.get("settings.title"));
        title.getStyleClass().add("title-1");
        var server = field("settingsServer", current.serverUrl(), Messages.get("settings.server.prompt"));
        var authority = field("settingsAuthority", current.authority(), "https://login.microsoftonline.com/TENANT/");
        var clientId = field("settingsClientId", current.clientId(), "00000000-0000-0000-0000-000000000000");
        var scope = field("settingsScope", current.apiScope(), "api://devicelink/devicelink");
        var theme = new ComboBox<String>();
        theme.setId("settingsTheme");
        theme.getItems().setAll("light", "dark");
        theme.setValue(current.theme());
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : Messages.get("settings.theme." + value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        theme.valueProperty().addListener((o, old, now) -> applyTheme.accept(now));

        var grid = new GridPane(12, 10);
        grid.addRow(0, new Label(Messages.get("settings.server")), server);
        grid.addRow(1, new Label(Messages.get("settings.authority")), authority);
        grid.addRow(2, new Label(Messages.get("settings.clientId")), clientId);
        grid.addRow(3, new Label(Messages.get("settings.scope")), scope);
        grid.addRow(4, new Label(Messages.get("settings.theme")), theme);
        var note = new Label(Messages.get("settings.note"));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        var saved = new Label();
        saved.setId("settingsStatus");
        saved.setWrapText(true);
        var save = new Button(Messages.get("settings.save"));
        save.setId("saveSettings");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            String problem = AppSettings.problem(server.getText().strip(), authority.getText().strip(), clientId.getText().strip(),
                    scope.getText().strip());
            if (problem != null) {
                saved.setText(Messages.get(problem));
                return;
            }
            var settings = new AppSettings(server.getText().strip(), current.localPort(), authority.getText().strip(),
                    clientId.getText().strip(), scope.getText().strip(), theme.getValue(), current.camera());
            try {
                settings.save(dataDir);
                saved.setText(Messages.get("settings.saved"));
            } catch (java.io.IOException ex) {
                saved.setText(Messages.get("settings.saveFailed", ex.getMessage()));
            }
        });
        root.getChildren().addAll(title, grid, note, save, saved);
        root.setMaxWidth(640);
        root.setId("settingsScreen");
        root.getStyleClass().add("screen");
    }

    public Parent root() {
        return root;
    }

    private static TextField field(String id, String value, String prompt) {
        var field = new TextField(value);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(32);
        return field;
    }
}
