package org.devicelink.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import org.devicelink.testing.TestExecutors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings screen's view model on the calling thread, with its real settings file. */
class SettingsViewModelTest {

    @TempDir
    Path dir;
    final ArrayList<String> themesShown = new ArrayList<>();

    SettingsViewModel model(SettingsFile file) {
        return new SettingsViewModel(file.load(), file, TestExecutors.callingThread(), themesShown::add, null, folder -> { });
    }

    @Test
    void savingKeepsWhatWasChosenElsewhereSinceTheScreenOpened() throws Exception {
        var file = new SettingsFile(dir);
        var model = model(file);
        // after the screen was built: a camera chosen in the scan dialog, the local server moved to another port
        file.update(s -> s.withCamera("Desk camera").withLocalPort(9443));
        model.serverUrlProperty().set(" https://link.example.org ");
        model.save();
        var saved = AppSettings.load(dir);
        assertThat(saved.serverUrl()).isEqualTo("https://link.example.org");
        assertThat(saved.camera()).isEqualTo("Desk camera");
        assertThat(saved.localPort()).isEqualTo(9443);
        assertThat(model.statusProperty().get()).isEqualTo("Saved. Restart DeviceLink to use a new server or sign-in.");
    }

    @Test
    void aWrongAddressIsSaidAndNothingIsSaved() {
        var file = new SettingsFile(dir);
        var model = model(file);
        model.serverUrlProperty().set("http://link.example.org");
        model.save();
        assertThat(model.statusProperty().get()).isEqualTo("The server address must start with https://.");
        model.serverUrlProperty().set("");
        model.authorityProperty().set("https://login.microsoftonline.com/contoso/");
        model.save();
        assertThat(model.statusProperty().get()).isEqualTo("For Entra ID, give an https:// authority, the client ID and the API scope.");
        assertThat(Files.exists(file.path())).isFalse();
    }

    @Test
    void aThemeIsShownAtOnceAndRemembered() {
        var file = new SettingsFile(dir);
        var model = model(file);
        model.themeProperty().set("dark");
        assertThat(themesShown).containsExactly("dark");
        assertThat(AppSettings.load(dir).theme()).isEqualTo("dark");
        model.themeProperty().set("dark");
        assertThat(themesShown).as("the same theme again changes nothing").containsExactly("dark");
    }

    @Test
    void theFileIsWrittenForItsOwnerOnly() throws Exception {
        var file = new SettingsFile(dir);
        file.update(s -> s.withTheme("dark"));
        assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    /** The embedded server's emails folder opens from Settings, made owner-only first when no email was written yet. */
    @Test
    void theEmailsFolderOpensOwnerOnly() throws Exception {
        var file = new SettingsFile(dir);
        var opened = new ArrayList<URI>();
        Path outbox = dir.resolve("outbox");
        var model = new SettingsViewModel(file.load(), file, TestExecutors.callingThread(), themesShown::add, outbox, opened::add);
        assertThat(model.hasOutbox()).isTrue();
        model.openOutbox();
        assertThat(opened).containsExactly(outbox.toUri());
        assertThat(Files.getPosixFilePermissions(outbox)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(model(file).hasOutbox()).as("a server elsewhere keeps its mail to itself").isFalse();
    }
}
