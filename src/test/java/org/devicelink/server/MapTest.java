package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.devicelink.testing.Databases;
import org.devicelink.testing.LinkServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's map stays true: every package is in "Where things are", every endpoint a server serves in its table of
 * endpoints, every class it names exists, and no file of the program asks to be split.
 */
class MapTest {

    private static final Path MAIN = Path.of("src/main/java/org/devicelink");
    private static final int MOST_LINES = 400;
    /** What the README names of other people's code: a cookie attribute, ZXing's and OpenCV's classes, systemd's sandbox. */
    private static final Set<String> OUTSIDE = Set.of("HttpOnly", "HybridBinarizer", "MultiFormatReader", "VideoCapture",
            "NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices");

    @TempDir
    Path dir;

    @Test
    void everyPackageIsOnTheMap() throws IOException {
        String map = section("## Where things are");
        try (Stream<Path> files = Files.walk(MAIN)) {
            Set<String> packages = files.filter(f -> f.toString().endsWith(".java")).map(f -> MAIN.relativize(f.getParent()).toString())
                    .filter(p -> !p.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(packages).isNotEmpty().allSatisfy(p -> assertThat(map).as("the map names %s", p).contains("`" + p + "`"));
        }
    }

    @Test
    void everyEndpointIsOnTheMap() {
        String endpoints = section("### Endpoints");
        // the local provider on and the page's sign-in with it: every route there is
        try (var fixture = new LinkServerFixture(Databases.H2, dir, Map.of(Setting.LOCAL_ISSUER.key(), "true"))) {
            List<String> served = fixture.server().endpoints();
            assertThat(served).contains("GET /link", "POST /oauth2/token", "GET /idp/.well-known/openid-configuration")
                    .allSatisfy(endpoint -> assertThat(endpoints).as("the endpoints table lists %s", endpoint).contains("`" + endpoint
                    + "`"));
            // and the fuzz test sends its malformed requests to every one of them
            assertThat(served).allSatisfy(endpoint -> assertThat(FuzzIT.ENDPOINTS).as("FuzzIT.ENDPOINTS reaches %s", endpoint)
                    .anyMatch(path -> path.split("\\?")[0].matches(endpoint.substring(endpoint.indexOf(' ') + 1)
                            .replaceAll("\\{[^}]+}", "[^/]+"))));
        }
    }

    @Test
    void everyClassTheReadmeNamesExists() throws IOException {
        Set<String> classes;
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            classes = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).collect(Collectors.toSet());
        }
        var named = Pattern.compile("`([A-Z][a-z]+[A-Z][A-Za-z0-9]*)`").matcher(Files.readString(Path.of("README.md"))).results()
                .map(m -> m.group(1)).filter(name -> !OUTSIDE.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(classes).as("README names `%s`", name).contains(name));
    }

    @Test
    void noFileOfTheProgramAsksToBeSplit() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            var long_ = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > MOST_LINES).map(f -> f + ": "
                    + lines(f)).toList();
            assertThat(long_).as("files over %d lines", MOST_LINES).isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A README section: from its heading to the next heading of its level or above. */
    private static String section(String heading) {
        try {
            String readme = Files.readString(Path.of("README.md"));
            int start = readme.indexOf("\n" + heading + "\n");
            assertThat(start).as("README has %s", heading).isNotNegative();
            String level = heading.substring(0, heading.indexOf(' ') + 1);
            int end = readme.indexOf("\n" + level, start + heading.length() + 1);
            for (String higher = level.substring(1); end >= 0 && higher.length() > 1; higher = higher.substring(1)) {
                int next = readme.indexOf("\n" + higher, start + heading.length() + 1);
                end = next >= 0 ? Math.min(end, next) : end;
            }
            return readme.substring(start, end < 0 ? readme.length() : end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
