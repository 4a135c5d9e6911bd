package org.devicelink.app.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.i18n.Messages;
import org.devicelink.platform.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings screen: the server and sign-in provider (they take effect at the next start), the language (remembered
 * at once, spoken from the next start) and the theme (at once, and remembered). Saving changes only those settings, on
 * disk as they are then, off the UI thread.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final SettingsFile file;
    private final UiExecutor executor;
    private final StringProperty serverUrl = new SimpleStringProperty();
    private final StringProperty authority = new SimpleStringProperty();
    private final StringProperty clientId = new SimpleStringProperty();
    private final StringProperty apiScope = new SimpleStringProperty();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty language = new SimpleStringProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** The server on this computer's emails (no SMTP set): a folder; null with a server elsewhere. */
    private final Path outbox;
    private final Consumer<URI> open;

    /**
     * @param applyTheme shows a theme at once (the view model only remembers it)
     * @param outbox     where the embedded server writes its emails, or null when the server is elsewhere
     * @param open       opens a folder in the system's file manager
     */
    public SettingsViewModel(AppSettings current, SettingsFile file, UiExecutor executor, Consumer<String> applyTheme, Path outbox,
                             Consumer<URI> open) {
        this.file = file;
        this.executor = executor;
        this.outbox = outbox;
        this.open = open;
        serverUrl.set(current.serverUrl());
        authority.set(current.authority());
        clientId.set(current.clientId());
        apiScope.set(current.apiScope());
        theme.set(current.theme());
        theme.addListener((o, old, now) -> {
            if (now != null && !now.equals(old)) {
                applyTheme.accept(now);
                executor.run(null, () -> file.update(saved -> saved.withTheme(now)), saved -> { },
                        e -> LOG.warn("Could not remember the theme in " + file.path(), e));
            }
        });
        language.set(current.language());
        language.addListener((o, old, now) -> {
            if (now != null && !now.equals(old)) {
                executor.run(null, () -> file.update(saved -> saved.withLanguage(now)),
                        saved -> status.set(Messages.get("settings.language.next", languageName(now))),
                        e -> status.set(Messages.get("settings.saveFailed", String.valueOf(e.getMessage()))));
            }
        });
    }

    /** A language as its own speakers name it ("Deutsch"); empty: this computer's language. */
    public static String languageName(String tag) {
        return Messages.bundle(Language.spoken(tag)).getString("language.self");
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty authorityProperty() {
        return authority;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty apiScopeProperty() {
        return apiScope;
    }

    /** The language tag chosen, or empty for this computer's language; it is spoken from the next start. */
    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    /** What the last Save did, or why it did not. */
    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Checks the server and provider fields and saves them; the rest of the file stays as it is. */
    public void save() {
        String server = strip(serverUrl);
        String entra = strip(authority);
        String client = strip(clientId);
        String scope = strip(apiScope);
        String problem = AppSettings.problem(server, entra, client, scope);
        if (problem != null) {
            status.set(Messages.get(problem));
            return;
        }
        executor.run(busy, () -> file.update(saved -> saved.withConnection(server, entra, client, scope)),
                saved -> status.set(Messages.get("settings.saved")),
                e -> status.set(Messages.get("settings.saveFailed", String.valueOf(e.getMessage()))));
    }

    /** Whether the server runs on this computer, so its emails are files here. */
    public boolean hasOutbox() {
        return outbox != null;
    }

    /** Opens the embedded server's emails folder (made, owner-only, if no email was written yet). */
    public void openOutbox() {
        executor.run(busy, () -> OwnerOnly.folder(outbox).toUri(), open,
                e -> status.set(Messages.get("settings.outbox.failed", String.valueOf(e.getMessage()))));
    }

    private static String strip(StringProperty text) {
        return text.get() == null ? "" : text.get().strip();
    }
}
