import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The link server's own .deb, {@code devicelink-server}: the jar and its libraries with the jlink runtime in
 * {@code /usr/lib/devicelink-server}, its command in {@code /usr/bin}, its systemd unit, and a settings file in
 * {@code /etc/devicelink} (a conffile, the service user's alone). postinst makes the {@code devicelink} system user;
 * the service is enabled by the operator, who edits the settings first. Part of {@code Package.java}'s run.
 */
final class ServerDeb {

    static final String NAME = "devicelink-server";
    static final Path HOME = Path.of("usr/lib/devicelink-server");

    private ServerDeb() {}

    /** @param input the jar and lib/ as Package stored them (times pinned); @param runtime the jlink runtime */
    static Path make(Path input, Path runtime, Path out, String version) throws Exception {
        Path tree = out.resolve("server-deb");
        Package.deleteTree(tree);
        Package.copyTree(input.resolve("devicelink.jar"), tree.resolve(HOME).resolve("devicelink.jar"));
        Package.copyTree(input.resolve("lib"), tree.resolve(HOME).resolve("lib"));
        Package.copyTree(runtime, tree.resolve(HOME).resolve("runtime"));
        Package.copyTree(Path.of("packaging/server/devicelink-server"), tree.resolve("usr/bin/devicelink-server"));
        Package.copyTree(Path.of("packaging/server/devicelink-server.service"),
                tree.resolve("lib/systemd/system/devicelink-server.service"));
        Path settings = tree.resolve("etc/devicelink/server.properties");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, """
                # The DeviceLink link server's settings (see `devicelink-server --list-settings` and the README).
                # The data folder is /var/lib/devicelink (the unit sets it). Set at least who may sign in (trust.NAME.*)
                # and, behind a proxy, public-url; then: systemctl enable --now devicelink-server
                """);
        Path debian = tree.resolve("DEBIAN");
        Files.createDirectories(debian);
        Files.writeString(debian.resolve("control"), """
                Package: %s
                Version: %s
                Section: net
                Priority: optional
                Architecture: amd64
                Maintainer: DeviceLink <devicelink@localhost>
                Depends: adduser
                Description: DeviceLink link server (RFC 8628 device linking)
                 Links consoles and TVs to people's accounts with a code: the device flow's endpoints, the approval
                 page, the companion API. Runs as the devicelink system user under systemd, or by hand.
                """.formatted(NAME, version));
        Files.writeString(debian.resolve("conffiles"), "/etc/devicelink/server.properties\n");
        script(debian.resolve("postinst"), """
                #!/bin/sh
                set -e
                if [ "$1" = configure ]; then
                  getent passwd devicelink >/dev/null || adduser --system --group --home /var/lib/devicelink --no-create-home \\
                    --shell /usr/sbin/nologin devicelink >/dev/null
                  install -d -m 0700 -o devicelink -g devicelink /var/lib/devicelink
                  chown devicelink:devicelink /etc/devicelink/server.properties
                  chmod 0600 /etc/devicelink/server.properties
                  if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null || true; fi
                fi
                """);
        script(debian.resolve("prerm"), """
                #!/bin/sh
                set -e
                if [ -d /run/systemd/system ]; then systemctl stop devicelink-server >/dev/null 2>&1 || true; fi
                """);
        script(debian.resolve("postrm"), """
                #!/bin/sh
                set -e
                if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null || true; fi
                # the data (/var/lib/devicelink) and the user stay: they hold people's links; purge takes the data too
                if [ "$1" = purge ]; then rm -rf /var/lib/devicelink; fi
                """);
        Path deb = out.resolve(NAME + "_" + version + "_amd64.deb");
        Package.exitZero(new ProcessBuilder("fakeroot", "dpkg-deb", "--root-owner-group", "-Zxz", "-b", tree.toString(), deb.toString())
                .inheritIO().start(), "dpkg-deb -b " + NAME);
        Package.deleteTree(tree);
        return deb;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
