package org.devicelink.app.settings;

import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.Theme;
import org.devicelink.i18n.Messages;

/**
 * Server, sign-in provider, theme and language. A new server, provider or language takes effect at the next start; the
 * theme at once.
 */
public final class SettingsView {

    private final VBox root = new VBox(14);

    public SettingsView(SettingsViewModel model) {
        var title = new Label(Messages.get("settings.title"));
        title.getStyleClass().add("title-1");
        var server = field("settingsServer", model.serverUrlProperty(), Messages.get("settings.server.prompt"));
        var authority = field("settingsAuthority", model.authorityProperty(), "https://login.microsoftonline.com/TENANT/");
        var clientId = field("settingsClientId", model.clientIdProperty(), "00000000-0000-0000-0000-000000000000");
        var scope = field("settingsScope", model.apiScopeProperty(), "api://devicelink/devicelink");
        var theme = new ComboBox<String>();
        theme.setId("settingsTheme");
        theme.getItems().setAll(Theme.LIGHT, Theme.DARK);
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : Messages.get("settings.theme." + value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        theme.valueProperty().bindBidirectional(model.themeProperty());
        var language = new ComboBox<String>();
        language.setId("settingsLanguage");
        language.getItems().add("");
        Language.offered().forEach(l -> language.getItems().add(l.toLanguageTag()));
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return tag == null ? "" : tag.isEmpty() ? Messages.get("settings.language.system", SettingsViewModel.languageName(""))
                        : SettingsViewModel.languageName(tag);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        language.valueProperty().bindBidirectional(model.languageProperty());

        var grid = new GridPane(12, 10);
        grid.addRow(0, label("settings.server", server), server);
        grid.addRow(1, label("settings.authority", authority), authority);
        grid.addRow(2, label("settings.clientId", clientId), clientId);
        grid.addRow(3, label("settings.scope", scope), scope);
        var themeLabel = new Label(Messages.get("settings.theme"));
        themeLabel.setLabelFor(theme);
        grid.addRow(4, themeLabel, theme);
        var languageLabel = new Label(Messages.get("settings.language"));
        languageLabel.setLabelFor(language);
        grid.addRow(5, languageLabel, language);
        var note = new Label(Messages.get("settings.note"));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        var saved = new Label();
        saved.setId("settingsStatus");
        saved.setWrapText(true);
        saved.textProperty().bind(model.statusProperty());
        var save = new Button(Messages.get("settings.save"));
        save.setId("saveSettings");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        root.getChildren().addAll(title, grid, note, save, saved);
        root.setMaxWidth(640);
        root.setId("settingsScreen");
        root.getStyleClass().add("screen");
    }

    public Parent root() {
        return root;
    }

    private static Label label(String key, TextField field) {
        var label = new Label(Messages.get(key));
        label.setLabelFor(field);
        return label;
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(32);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
