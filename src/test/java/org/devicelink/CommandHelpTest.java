package org.devicelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import org.devicelink.i18n.Messages;
import org.devicelink.platform.UserFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands' help, in every language DeviceLink ships: each option and parameter described, in that language. */
class CommandHelpTest {

    @TempDir
    Path dir;

    @AfterEach
    void english() {
        Messages.speak(Locale.ENGLISH);
    }

    @Test
    void everyOptionOfTheCompanionScanDeviceAndBenchCommandsIsDescribedInEveryLanguage() {
        var missing = new ArrayList<String>();
        for (Locale language : Messages.LANGUAGES) {
            Messages.speak(language);
            var root = Main.commandLine(new UserFolders(dir));
            for (var command : new CommandLine[] {root, root.getSubcommands().get("scan"), root.getSubcommands().get("device"),
                root.getSubcommands().get("bench")}) {
                var spec = command.getCommandSpec();
                if (String.join("", spec.usageMessage().description()).isBlank()) {
                    missing.add(language + " " + spec.qualifiedName() + ": no description");
                }
                spec.options().stream().filter(o -> String.join("", o.description()).isBlank())
                        .forEach(o -> missing.add(language + " " + spec.qualifiedName() + " " + o.longestName()));
                spec.positionalParameters().stream().filter(p -> String.join("", p.description()).isBlank())
                        .forEach(p -> missing.add(language + " " + spec.qualifiedName() + " " + p.paramLabel()));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theHelpIsInTheProgramsLanguage() {
        Messages.speak(Locale.GERMAN);
        String german = help("scan");
        Messages.speak(Locale.ENGLISH);
        String english = help("scan");
        assertThat(english).startsWith("Usage: devicelink scan").contains("Pictures (PNG, JPEG, GIF, BMP).");
        assertThat(german).doesNotContain("Usage:").doesNotContain("Pictures (PNG").contains("--server").contains("PNG, JPEG, GIF, BMP");
        Messages.speak(Locale.JAPANESE);
        assertThat(help("device")).doesNotContain("Usage:").contains("--once")
                .containsPattern("\\p{IsHiragana}|\\p{IsKatakana}|\\p{IsHan}");
        Messages.speak(Locale.forLanguageTag("ar"));
        assertThat(help("bench")).contains("--link-rate").contains("السيناريوهات").doesNotContain("Scenarios");
    }

    private String help(String command) {
        var out = new StringWriter();
        var commandLine = Main.commandLine(new UserFolders(dir));
        commandLine.setOut(new PrintWriter(out));
        commandLine.execute(command, "--help");
        return out.toString();
    }
}
