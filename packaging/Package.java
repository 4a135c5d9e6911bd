import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the native package from target/devicelink.jar and target/lib, on the JDK that runs it (Maven's toolchain
 * JDK 25, through {@code mvn -Pnative package}); run from the repository's top level. In target/package/:
 * <ol>
 *   <li>{@code input/}: the jars, stored uncompressed, since the installer compresses everything once, solidly, and
 *       far better than jar by jar; JNA keeps this platform's natives only (OpenCV's were trimmed by the build);</li>
 *   <li>{@code runtime/}: a jlink runtime of the modules the jars use (jdeps, plus those loaded by name);</li>
 *   <li>{@code image/DeviceLink}: the app image, with an AOT cache made by a training run of the app itself
 *       ({@code --smoke-test}, on a display of its own where there is none) and named in the launcher's options;</li>
 *   <li>the installers this OS builds: on Linux the .deb (where dpkg-deb and fakeroot are) and the .rpm (where rpmbuild
 *       is), on Windows the .msi (WiX), on macOS the .dmg.</li>
 * </ol>
 */
public class Package {

    /** Modules loaded by name or through services, which jdeps cannot see. */
    static final List<String> EXTRA_MODULES = List.of("jdk.unsupported", "jdk.crypto.ec", "jdk.charsets", "jdk.zipfs");
    static final Path OUT = Path.of("target", "package");
    static final String OS = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    static final String PLATFORM = OS.contains("win") ? "windows" : OS.contains("mac") ? "macos" : "linux";
    static final Path JDK_BIN = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent();

    public static void main(String[] args) throws Exception {
        deleteTree(OUT);
        Path input = OUT.resolve("input");
        Path lib = input.resolve("lib");
        Files.createDirectories(lib);
        store(Path.of("target", "devicelink.jar"), input.resolve("devicelink.jar"), null);
        try (Stream<Path> jars = Files.list(Path.of("target", "lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                store(jar, lib.resolve(name), name.startsWith("jna-") && !name.startsWith("jna-platform") ? jnaNatives() : null);
            }
        }
        if (PLATFORM.equals("linux")) { // what postinst installs beside the app: the menu entry and its icons
            Files.copy(Path.of("packaging/linux/devicelink.desktop"), input.resolve("devicelink.desktop"));
            copyTree(Path.of("packaging/linux/icons"), input.resolve("icons"));
        }

        String modules = String.join(",", jdeps(input)) + "," + String.join(",", EXTRA_MODULES);
        step("runtime: " + modules);
        run(List.of(tool("jlink"), "--add-modules", modules, "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", OUT.resolve("runtime").toString()));
        stripLibraries(OUT.resolve("runtime"));

        step("app image");
        Path images = OUT.resolve("image");
        run(jpackage("app-image", "--input", input.toString(), "--runtime-image", OUT.resolve("runtime").toString(),
                "--dest", images.toString(), "--icon", icon().toString()));
        Path image = Files.list(images).findFirst().orElseThrow();
        aotCache(image);

        for (String type : installerTypes()) {
            step(type);
            var options = new ArrayList<>(List.of("--app-image", image.toString(), "--dest", OUT.toString(),
                    "--resource-dir", Path.of("packaging", PLATFORM).toString()));
            for (String file : List.of("jpackage.cfg", "jpackage-" + type + ".cfg")) { // this OS's, then this type's
                if (Files.exists(Path.of("packaging", PLATFORM, file))) {
                    options.add("@" + Path.of("packaging", PLATFORM, file));
                }
            }
            var installer = new ProcessBuilder(jpackage(type, options.toArray(String[]::new))).inheritIO();
            // the jars are stored uncompressed, so that xz compresses everything as one (restampDeb packs it)
            installer.environment().put("DPKG_DEB_COMPRESSOR_TYPE", "none"); // packed once, below
            exitZero(installer.start(), "jpackage --type " + type);
            if (type.equals("deb")) {
                restampDeb();
                step("server deb");
                ServerPackages.deb(input, OUT.resolve("runtime"), OUT, appVersion());
            } else if (type.equals("rpm")) {
                step("server rpm");
                ServerPackages.rpm(input, OUT.resolve("runtime"), OUT, appVersion());
            }
        }
        try (Stream<Path> made = Files.list(OUT)) {
            made.filter(Files::isRegularFile).forEach(p -> step("made " + p + " (" + size(p) + ")"));
        }
    }

    /**
     * JDK 25's AOT cache (JEP 514): one training run of the app image records the classes it loads and links, then
     * the launcher names the cache. A start with the cache skips that work; without it (another JDK) it is ignored.
     */
    static void aotCache(Path image) throws Exception {
        Path appDir = image.resolve(switch (PLATFORM) {
            case "windows" -> "app";
            case "macos" -> "Contents/app";
            default -> "lib/app";
        });
        Path cache = appDir.resolve("devicelink.aot");
        stampJars(appDir); // the cache records each jar's time, and a start with other times ignores it
        Path home = Files.createTempDirectory("devicelink-training");
        step("AOT training run (" + cache + ")");
        var command = new ArrayList<String>();
        if (PLATFORM.equals("linux") && System.getenv("DISPLAY") == null) {
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(launcher(image).toString());
        command.add("--smoke-test=2");
        var training = new ProcessBuilder(command).inheritIO();
        training.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache.toAbsolutePath());
        training.environment().put("HOME", home.toString());
        training.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        training.environment().put("APPDATA", home.resolve("data").toString());
        exitZero(training.start(), "the AOT training run");
        Path config = appDir.resolve(image.getFileName().toString().replace(".app", "") + ".cfg");
        String text = Files.readString(config);
        Files.writeString(config, text.replace("[JavaOptions]\n", "[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/devicelink.aot\n"));
        deleteTree(home);
        step("AOT cache: " + size(cache));
    }

    /** One fixed time on every jar of the app, the time the AOT cache then records for them. */
    static final FileTime JAR_TIME = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    static void stampJars(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.setLastModifiedTime(jar, JAR_TIME);
            }
        }
    }

    /**
     * jpackage copies the app image into the .deb with the time of the copy on every file, so the AOT cache would be
     * ignored once installed: the .deb is unpacked, its jars given back their time, and packed again.
     */
    static void restampDeb() throws Exception {
        Path deb;
        try (Stream<Path> made = Files.list(OUT)) {
            deb = made.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        Path tree = OUT.resolve("deb-tree");
        deleteTree(tree);
        run(List.of("dpkg-deb", "-R", deb.toString(), tree.toString()));
        stampJars(tree.resolve("opt"));
        var pack = new ProcessBuilder("fakeroot", "dpkg-deb", "--root-owner-group", "-Zxz", "-z9", "-b", tree.toString(), deb.toString())
                .inheritIO();
        exitZero(pack.start(), "dpkg-deb -b");
        deleteTree(tree);
    }

    static Path launcher(Path image) {
        return switch (PLATFORM) {
            case "windows" -> image.resolve("DeviceLink.exe");
            case "macos" -> image.resolve("Contents/MacOS/DeviceLink");
            default -> image.resolve("bin/DeviceLink");
        };
    }

    static Path icon() {
        return Path.of("packaging", PLATFORM, switch (PLATFORM) {
            case "windows" -> "DeviceLink.ico";
            case "macos" -> "DeviceLink.icns";
            default -> "DeviceLink.png";
        });
    }

    static List<String> installerTypes() {
        return switch (PLATFORM) {
            case "windows" -> List.of("msi");
            case "macos" -> List.of("dmg");
            default -> {
                var types = new ArrayList<String>();
                if (onPath("dpkg-deb") && onPath("fakeroot")) {
                    types.add("deb");
                }
                if (onPath("rpmbuild")) {
                    types.add("rpm");
                }
                yield types;
            }
        };
    }

    /** The version jpackage.cfg gives the app, for the server's package too. */
    static String appVersion() throws IOException {
        return Files.readAllLines(Path.of("jpackage.cfg")).stream().filter(l -> l.startsWith("--app-version "))
                .map(l -> l.substring("--app-version ".length()).strip()).findFirst().orElseThrow();
    }

    /** Options of jpackage.cfg that describe the package; the rest (main jar, JVM options) are in the app image. */
    static final List<String> PACKAGE_OPTIONS = List.of("--name", "--app-version", "--vendor", "--description", "--copyright");

    /** jpackage with jpackage.cfg: all of it for an app image, its package options for an installer made from one. */
    static List<String> jpackage(String type, String... options) throws IOException {
        var command = new ArrayList<>(List.of(tool("jpackage"), "--type", type));
        if (type.equals("app-image")) {
            command.add("@jpackage.cfg");
        } else {
            for (String line : Files.readAllLines(Path.of("jpackage.cfg"))) {
                String[] option = line.strip().split(" ", 2);
                if (PACKAGE_OPTIONS.contains(option[0])) {
                    command.add(option[0]);
                    command.add(option[1].replaceAll("^\"|\"$", ""));
                }
            }
        }
        command.addAll(Arrays.asList(options));
        return command;
    }

    static List<String> jdeps(Path input) throws Exception {
        var command = new ArrayList<>(List.of(tool("jdeps"), "--print-module-deps", "--ignore-missing-deps", "--multi-release",
                Integer.toString(Runtime.version().feature()), input.resolve("devicelink.jar").toString()));
        try (Stream<Path> jars = Files.list(input.resolve("lib"))) {
            jars.sorted().map(Path::toString).forEach(command::add);
        }
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        exitZero(process, "jdeps: " + out);
        String last = out.lines().reduce((a, b) -> b).orElse("java.base");
        return List.of(last.split(","));
    }

    /** This platform's folder of natives in the JNA jar ({@code com/sun/jna/linux-x86-64/} and the like). */
    static String jnaNatives() {
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86-64" : System.getProperty("os.arch");
        return switch (PLATFORM) {
            case "windows" -> "win32-" + arch;
            case "macos" -> "darwin-" + arch;
            default -> "linux-" + arch;
        };
    }

    /**
     * Copies a jar with every entry stored, not deflated. With {@code keepNatives}, JNA's natives of other platforms
     * ({@code com/sun/jna/<platform>/}) are left out.
     */
    static void store(Path from, Path to, String keepNatives) throws IOException {
        try (var zip = new ZipFile(from.toFile()); var out = new ZipOutputStream(Files.newOutputStream(to))) {
            out.setMethod(ZipOutputStream.STORED);
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (keepNatives != null && isOtherPlatformsNative(name, keepNatives)) {
                    continue;
                }
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (name.endsWith(".so")) {
                    bytes = stripped(bytes);
                }
                var stored = new ZipEntry(name);
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                var crc = new CRC32();
                crc.update(bytes);
                stored.setCrc(crc.getValue());
                if (entry.getLastModifiedTime() != null) {
                    stored.setLastModifiedTime(entry.getLastModifiedTime());
                }
                out.putNextEntry(stored);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /**
     * Linux libraries without their symbol tables ({@code strip --strip-unneeded} keeps what linking needs): the JDK's
     * libjvm.so and OpenCV's library come with theirs, 12 MB unpacked and 2 MB of the .deb. Elsewhere, or without
     * binutils, they are left as they are.
     */
    static byte[] stripped(byte[] library) throws IOException {
        if (!PLATFORM.equals("linux") || !onPath("strip")) {
            return library;
        }
        Path file = Files.createTempFile("devicelink-strip", ".so");
        try {
            Files.write(file, library);
            run(List.of("strip", "--strip-unneeded", file.toString()));
            return Files.readAllBytes(file);
        } catch (Exception e) {
            throw new IOException("strip failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void stripLibraries(Path runtime) throws IOException {
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path library : files.filter(p -> p.toString().endsWith(".so")).toList()) {
                library.toFile().setWritable(true);
                Files.write(library, stripped(Files.readAllBytes(library)));
            }
        }
    }

    /** JNA's natives are in {@code com/sun/jna/<os>-<arch>/}; its packages ({@code ptr}, {@code win32}) have no dash. */
    static boolean isOtherPlatformsNative(String entry, String keep) {
        String[] parts = entry.split("/");
        return entry.startsWith("com/sun/jna/") && parts.length > 3 && parts[3].contains("-") && !parts[3].equals(keep);
    }

    /** A file or a tree, keeping each file's mode and time (a runtime's programs stay executable). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static String tool(String name) {
        Path tool = JDK_BIN.resolve(PLATFORM.equals("windows") ? name + ".exe" : name);
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(name + " is not in " + JDK_BIN + ": packaging needs a full JDK 25");
        }
        return tool.toString();
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    static void run(List<String> command) throws Exception {
        exitZero(new ProcessBuilder(command).inheritIO().start(), String.join(" ", command));
    }

    static void exitZero(Process process, String what) throws Exception {
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + what);
        }
    }

    static void step(String what) {
        System.out.println("[package] " + what);
    }

    static String size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
