import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The link server's own packages, {@code devicelink-server} as a .deb and an .rpm: the jar and the libraries the server
 * loads with the jlink runtime in {@code /usr/lib/devicelink-server}, its command in {@code /usr/bin}, its systemd unit,
 * and a settings file in {@code /etc/devicelink} (a conffile, the service user's alone). Installing makes the
 * {@code devicelink} system user; the service is enabled by the operator, who edits the settings first. Part of
 * {@code Package.java}'s run.
 */
final class ServerPackages {

    static final String NAME = "devicelink-server";
    static final Path HOME = Path.of("usr/lib/devicelink-server");
    static final String SUMMARY = "DeviceLink link server (RFC 8628 device linking)";
    static final String DESCRIPTION = """
            Links consoles and TVs to people's accounts with a code: the device flow's endpoints, the approval
            page, the companion API. Runs as the devicelink system user under systemd, or by hand.""";
    /**
     * The companion's libraries, which the server never loads: JavaFX and its theme and icons, the camera and QR
     * decoding (OpenCV, BoofCV and what it needs, ZXing's core), the Microsoft sign-in and its keyring access (JNA).
     * Without them the server's libraries are 36 MB instead of 84. {@code ServerPackageIT} runs a flow on the installed
     * package, so a class the server does need would fail it.
     */
    static final Pattern COMPANION_ONLY = Pattern.compile(
            "(javafx|atlantafx|ikonli|opencv|boofcv|georegression|ddogleg|ejml|trove4j|core|msal4j|azure-json|jna)-.*\\.jar");
    /** The service user: a system account with no login and the data folder as its home. */
    static final String USER = """
            getent group devicelink >/dev/null || groupadd --system devicelink
            getent passwd devicelink >/dev/null || useradd --system --gid devicelink --home-dir /var/lib/devicelink \\
              --no-create-home --shell /usr/sbin/nologin devicelink
            """;
    static final String DATA = "install -d -m 0700 -o devicelink -g devicelink /var/lib/devicelink\n";
    static final String SETTINGS_OWNED = """
            chown devicelink:devicelink /etc/devicelink/server.properties
            chmod 0600 /etc/devicelink/server.properties
            """;
    static final String STOP = "if [ -d /run/systemd/system ]; then systemctl stop devicelink-server >/dev/null 2>&1 || true; fi\n";
    static final String RELOAD = "if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null || true; fi\n";

    private ServerPackages() {}

    /**
     * The files both packages install, under {@code tree}.
     *
     * @param input the jar and lib/ as Package stored them (times pinned); @param runtime the jlink runtime
     * @param units where this kind of package puts systemd units
     */
    static void tree(Path input, Path runtime, Path tree, String units) throws IOException {
        Package.deleteTree(tree);
        Package.copyTree(input.resolve("devicelink.jar"), tree.resolve(HOME).resolve("devicelink.jar"));
        try (Stream<Path> jars = Files.list(input.resolve("lib"))) {
            for (Path jar : jars.filter(j -> !COMPANION_ONLY.matcher(j.getFileName().toString()).matches()).toList()) {
                Package.copyTree(jar, tree.resolve(HOME).resolve("lib").resolve(jar.getFileName().toString()));
            }
        }
        Package.copyTree(runtime, tree.resolve(HOME).resolve("runtime"));
        Package.copyTree(Path.of("packaging/server/devicelink-server"), tree.resolve("usr/bin/devicelink-server"));
        Package.copyTree(Path.of("packaging/server/devicelink-server.service"), tree.resolve(units).resolve("devicelink-server.service"));
        Path settings = tree.resolve("etc/devicelink/server.properties");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, """
                # The DeviceLink link server's settings (see `devicelink-server --list-settings` and the README).
                # The data folder is /var/lib/devicelink (the unit sets it). Set at least who may sign in (trust.NAME.*)
                # and, behind a proxy, public-url; then: systemctl enable --now devicelink-server
                """);
    }

    /** The .deb: dpkg-deb under fakeroot, everything owned by root; postinst makes the user. */
    static Path deb(Path input, Path runtime, Path out, String version) throws Exception {
        Path tree = out.resolve("server-deb");
        tree(input, runtime, tree, "lib/systemd/system");
        Path debian = tree.resolve("DEBIAN");
        Files.createDirectories(debian);
        Files.writeString(debian.resolve("control"), """
                Package: %s
                Version: %s
                Section: net
                Priority: optional
                Architecture: amd64
                Maintainer: DeviceLink <devicelink@localhost>
                Depends: passwd
                Description: %s
                %s
                """.formatted(NAME, version, SUMMARY, DESCRIPTION.indent(1).stripTrailing()));
        Files.writeString(debian.resolve("conffiles"), "/etc/devicelink/server.properties\n");
        script(debian.resolve("postinst"), "#!/bin/sh\nset -e\nif [ \"$1\" = configure ]; then\n"
                + (USER + DATA + SETTINGS_OWNED + RELOAD).indent(2) + "fi\n");
        script(debian.resolve("prerm"), "#!/bin/sh\nset -e\n" + STOP);
        script(debian.resolve("postrm"), "#!/bin/sh\nset -e\n" + RELOAD + """
                # the data (/var/lib/devicelink) and the user stay: they hold people's links; purge takes the data too
                if [ "$1" = purge ]; then rm -rf /var/lib/devicelink; fi
                """);
        Path deb = out.resolve(NAME + "_" + version + "_amd64.deb");
        Package.exitZero(new ProcessBuilder("fakeroot", "dpkg-deb", "--root-owner-group", "-Zxz", "-b", tree.toString(), deb.toString())
                .inheritIO().start(), "dpkg-deb -b " + NAME);
        Package.deleteTree(tree);
        return deb;
    }

    /**
     * The .rpm: rpmbuild copies the tree into its build root; %pre makes the user (useradd, as Fedora and SUSE do), and
     * an erase keeps the data, as the .deb's remove does (RPM has no purge).
     */
    static Path rpm(Path input, Path runtime, Path out, String version) throws Exception {
        Path top = out.resolve("server-rpm").toAbsolutePath();
        Path tree = top.resolve("tree");
        tree(input, runtime, tree, "usr/lib/systemd/system");
        Path spec = top.resolve(NAME + ".spec");
        Files.writeString(spec, """
                Name: %1$s
                Version: %2$s
                Release: 1
                Summary: %3$s
                License: Proprietary
                BuildArch: x86_64
                AutoReqProv: no
                Requires(pre): shadow-utils
                %%define debug_package %%{nil}
                %%define __os_install_post %%{nil}
                %%define _build_id_links none

                %%description
                %4$s

                %%install
                cp -a %5$s/. %%{buildroot}/

                %%pre
                %6$s
                %%post
                %7$s%8$s
                %%preun
                if [ "$1" = 0 ]; then
                %9$sfi

                %%postun
                %8$s
                %%files
                /usr/bin/devicelink-server
                /usr/lib/devicelink-server
                /usr/lib/systemd/system/devicelink-server.service
                %%dir /etc/devicelink
                %%config(noreplace) %%attr(0600,devicelink,devicelink) /etc/devicelink/server.properties
                """.formatted(NAME, version, SUMMARY, DESCRIPTION, tree, USER, DATA, RELOAD, STOP));
        // xz at its default level on every core (T0), as dpkg-deb packs the .deb: on one core it took 136 s of the build
        Package.exitZero(new ProcessBuilder("rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, "--define",
                "_binary_payload w6T0.xzdio", spec.toString()).inheritIO().start(), "rpmbuild " + NAME);
        Path rpm;
        try (Stream<Path> made = Files.walk(top.resolve("RPMS"))) {
            rpm = made.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
        Path kept = out.resolve(rpm.getFileName());
        Files.move(rpm, kept);
        Package.deleteTree(top);
        return kept;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
