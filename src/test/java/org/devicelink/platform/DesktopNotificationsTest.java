package org.devicelink.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OS notice is chosen from what the system offers, and really run: stand-in {@code notify-send} and
 * {@code osascript} programs on the PATH record what they were asked to show.
 */
class DesktopNotificationsTest {

    @TempDir
    Path dir;

    @Test
    void aLinuxDesktopSessionShowsTheNoticeThroughNotifySend() throws Exception {
        Path said = program("notify-send");
        var notifier = DesktopNotifications.forThisSystem(Map.of("PATH", dir.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/bus"),
                "Linux");
        assertThat(notifier).isPresent();
        notifier.get().show("DeviceLink: a request from your family", "Sam wants to link Kid's Switch");
        assertThat(await(said)).isEqualTo("--app-name=DeviceLink|DeviceLink: a request from your family|Sam wants to link Kid's Switch|");
    }

    @Test
    void noSessionBusOrNoProgramMeansNoNotifierAndTheBadgeAlone() throws Exception {
        program("notify-send");
        assertThat(DesktopNotifications.forThisSystem(Map.of("PATH", dir.toString()), "Linux")).as("a headless machine").isEmpty();
        assertThat(DesktopNotifications.forThisSystem(Map.of("PATH", dir.resolve("none").toString(), "DBUS_SESSION_BUS_ADDRESS", "x"),
                "Linux"))
                .as("no notify-send").isEmpty();
    }

    @Test
    void onAMacTheTextIsPassedAsArgumentsNeverAsScript() throws Exception {
        Path said = program("osascript");
        var notifier = DesktopNotifications.forThisSystem(Map.of("PATH", dir.toString()), "Mac OS X").orElseThrow();
        notifier.show("Title", "Kid \"quoted\" & end run");
        assertThat(await(said)).endsWith("|end run|Title|Kid \"quoted\" & end run|").contains("display notification (item 2 of argv)");
    }

    /** A stand-in program that writes its arguments, each followed by |, to a file. */
    private Path program(String name) throws Exception {
        Path said = dir.resolve(name + ".said");
        Path program = dir.resolve(name);
        Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done > '" + said + ".tmp'\nmv '" + said + ".tmp' '"
                + said + "'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        return said;
    }

    private static String await(Path said) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.exists(said) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return Files.readString(said);
    }
}
