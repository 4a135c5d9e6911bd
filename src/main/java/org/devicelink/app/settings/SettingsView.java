package org.devicelink.app.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicelink.app.common.FocusScrolling;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.MemberFilter;
import org.devicelink.app.common.Theme;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.LinkingSetting;

/**
 * Server, sign-in provider, theme and language. A new server, provider or language takes effect at the next start; the
 * theme at once. Signed in: linking with a code, for the person or (a parent) each child, kept on the server.
 */
public final class SettingsView {

    private final VBox root = new VBox(14);

    /**
     * @param members the family, for a parent to set a child's linking
     * @param parent  whether the signed-in person is a parent
     */
    public SettingsView(SettingsViewModel model, LinkingViewModel linking, ObservableList<FamilyMember> members,
                        BooleanProperty parent) {
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
        // the account's own safety setting first, then how this app connects
        root.getChildren().addAll(title, linkingSection(linking, members, parent), grid, note, save, saved);
        if (model.hasOutbox()) { // the server on this computer sends no email: it keeps it here
            var outboxNote = new Label(Messages.get("settings.outbox.note"));
            outboxNote.setWrapText(true);
            outboxNote.getStyleClass().add("text-muted");
            var openOutbox = new Button(Messages.get("settings.outbox.open"));
            openOutbox.setId("openOutbox");
            openOutbox.setOnAction(e -> model.openOutbox());
            root.getChildren().addAll(new Separator(), outboxNote, openOutbox);
        }
        root.setMaxWidth(640);
        root.setId("settingsScreen");
        root.getStyleClass().add("screen");
    }

    /** "Linking with a code": whose (a parent's family), then on, from the device's network only, or off. */
    private static Node linkingSection(LinkingViewModel linking, ObservableList<FamilyMember> members, BooleanProperty parent) {
        var whose = new ComboBox<FamilyMember>(members);
        whose.setId("linkingWhose");
        whose.setAccessibleText(Messages.get("settings.linking.whose"));
        whose.setConverter(new StringConverter<>() {
            @Override
            public String toString(FamilyMember member) {
                return member == null ? "" : MemberFilter.label(member);
            }

            @Override
            public FamilyMember fromString(String text) {
                return null;
            }
        });
        whose.valueProperty().bindBidirectional(linking.memberProperty());
        // the person's own setting first: a parent picks a child from there, and keeps the pick while the family is read again
        members.addListener((ListChangeListener<FamilyMember>) c -> {
            if (whose.getValue() == null || !members.contains(whose.getValue())) {
                whose.setValue(members.stream().filter(FamilyMember::you).findFirst().orElse(null));
            }
        });
        var choice = new ComboBox<String>();
        choice.setId("linkingChoice");
        choice.getItems().setAll(LinkingSetting.CHOICES);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : Messages.get("settings.linking." + value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        choice.valueProperty().bindBidirectional(linking.choiceProperty());
        choice.disableProperty().bind(linking.busyProperty().or(linking.choiceProperty().isNull()));
        var whoseLabel = new Label(Messages.get("settings.linking.whose"));
        whoseLabel.setLabelFor(whose);
        var choiceLabel = new Label(Messages.get("settings.linking.title"));
        choiceLabel.setLabelFor(choice);
        var grid = new GridPane(12, 10);
        grid.addRow(0, whoseLabel, whose);
        grid.addRow(1, choiceLabel, choice);
        for (Node node : new Node[] {whoseLabel, whose}) {
            node.visibleProperty().bind(parent);
            node.managedProperty().bind(parent);
        }
        var hint = new Label(Messages.get("settings.linking.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        var status = new Label();
        status.setId("linkingStatus");
        status.setWrapText(true);
        status.textProperty().bind(linking.statusProperty());
        var section = new VBox(10, grid, hint, status, new Separator());
        section.visibleProperty().bind(linking.signedInProperty());
        section.managedProperty().bind(linking.signedInProperty());
        return section;
    }

    /** The screen, scrolling when the window is too short for all of it (long translations wrap onto more lines). */
    public Parent root() {
        var scroll = FocusScrolling.follow(new ScrollPane(root));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
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
