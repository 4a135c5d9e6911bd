package org.devicelink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.devicelink.device.QrCode;
import org.devicelink.platform.UserFolders;
import org.devicelink.scan.QrPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devicelink scan} as support staff and scripts use it. */
class ScanCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out) {}

    Run scan(String... args) {
        PrintStream original = System.out;
        var out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine(new UserFolders(dir.resolve("user-data"))).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void printsTheCodeOfEachPictureOrWhyThereIsNone() throws Exception {
        Path ours = dir.resolve("ours.png");
        QrCode.of("https://link.example.org/link?code=WDJB-MJHT").writePng(ours, 5);
        Path foreign = dir.resolve("foreign.png");
        QrCode.of("https://evil.example.com/link?code=WDJB-MJHT").writePng(foreign, 5);
        Path notAPicture = dir.resolve("notes.txt");
        Files.writeString(notAPicture, "hello");

        var run = scan("scan", "--server", "https://link.example.org", ours.toString(), foreign.toString(), notAPicture.toString());
        assertThat(run.out()).contains(ours + "\tWDJB-MJHT")
                .contains(foreign + "\tnot a DeviceLink code: This QR code points to evil.example.com")
                .contains(notAPicture + "\tcannot read:");
        assertThat(run.exit()).isEqualTo(1);

        var raw = scan("scan", "--raw", ours.toString(), notAPicture.toString());
        assertThat(raw.out()).contains(ours + "\thttps://link.example.org/link?code=WDJB-MJHT").contains(notAPicture + "\t\n");
        assertThat(scan("scan", "--server", "https://link.example.org", ours.toString()).exit()).isZero();
    }

    @Test
    void rawPrintsOneLineAPictureWhateverItsTextHolds() throws Exception {
        Path crlf = dir.resolve("two\tlines.png"); // a tab in the name too: scripts split on it
        QrCode.of("first line\r\nsecond\\line\u0007\u001bend").writePng(crlf, 5);
        var raw = scan("scan", "--raw", crlf.toString());
        assertThat(raw.out()).isEqualTo(dir.resolve("two\\tlines.png") + "\tfirst line\\r\\nsecond\\\\line\\u0007\\u001bend"
                + System.lineSeparator());
        assertThat(raw.exit()).isZero();
    }

    @Test
    void jsonPrintsAnObjectAPictureWithWhatFoundIt() throws Exception {
        Path ours = dir.resolve("ours.png");
        QrCode.of("https://link.example.org/link?code=WDJB-MJHT").writePng(ours, 5);
        Path foreign = dir.resolve("foreign.png");
        QrCode.of("https://evil.example.com/link?code=WDJB-MJHT").writePng(foreign, 5);
        Path blank = dir.resolve("blank.png");
        QrCode.of("x").writePng(blank, 5);
        Files.write(blank, Arrays.copyOf(Files.readAllBytes(blank), 40)); // a cut-off download

        var run = scan("scan", "--json", "--server", "https://link.example.org", ours.toString(), foreign.toString(), blank.toString());
        var lines = run.out().lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object a line: " + line, e);
            }
        }).toList();
        assertThat(lines).hasSize(3);
        var found = lines.get(0);
        assertThat(found.get("file").asText()).isEqualTo(ours.toString());
        assertThat(found.get("code").asText()).isEqualTo("WDJB-MJHT");
        assertThat(found.get("text").asText()).isEqualTo("https://link.example.org/link?code=WDJB-MJHT");
        assertThat(found.get("engine").asText()).isEqualTo("zxing");
        assertThat(found.get("look").asText()).isEqualTo("1.00x");
        assertThat(found.get("corners")).hasSize(4);
        assertThat(found.get("ms").asDouble()).isPositive();
        assertThat(found.get("error").isNull()).isTrue();
        assertThat(lines.get(1).get("code").isNull()).isTrue();
        assertThat(lines.get(1).get("refused").asText()).contains("evil.example.com");
        assertThat(lines.get(2).get("error").asText()).startsWith("cannot read:");
        assertThat(run.exit()).isEqualTo(1);

        assertThat(scan("scan", "--json", "--raw", ours.toString()).exit()).as("one format at a time").isEqualTo(2);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ofSeveralCodesInOnePictureOursIsPrinted() throws Exception {
        Path page = QrPictures.twoCodes("https://apps.example.com/get-devicelink",
                "https://link.example.org/link?code=WDJB-MJHT", dir.resolve("page.png"));
        var run = scan("scan", "--server", "https://link.example.org", page.toString());
        assertThat(run.out()).isEqualTo(page + "\tWDJB-MJHT" + System.lineSeparator());
        assertThat(run.exit()).isZero();
    }
}
