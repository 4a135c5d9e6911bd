package org.devicelink.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import org.devicelink.platform.ProgressBar;
import org.devicelink.protocol.ProtocolJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devicelink scan}: the device code in each picture's QR, for support staff and scripts. */
@Command(name = "scan", mixinStandardHelpOptions = true) // its help: cli.devicelink.scan.* in the strings bundle
public final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files")
    List<Path> files;
    @ArgGroup(exclusive = true)
    Format format = new Format();
    @Option(names = "--server")
    URI server = URI.create("https://localhost:8443");

    static final class Format {
        @Option(names = "--raw")
        boolean raw;
        @Option(names = "--json")
        boolean json;
    }

    /** One picture's line of {@code --json}; null where it does not apply. */
    record Scan(String file, String text, List<String> texts, String code, String refused, List<double[]> corners,
                String engine, String look, double ms, String error) {}

    @Override
    public Integer call() throws JsonProcessingException {
        var link = new VerificationLink(server.resolve("/link"));
        var progress = ProgressBar.onTerminal(System.err, files.size());
        int missing = 0;
        for (Path file : files) {
            Scan scan = scan(file, link);
            boolean found = format.raw ? scan.text() != null : scan.code() != null;
            if (!found) {
                missing++;
            }
            progress.clear();
            System.out.println(format.json ? ProtocolJson.MAPPER.writeValueAsString(scan) : line(scan));
            progress.done(file.getFileName().toString());
        }
        progress.clear();
        return missing == 0 ? 0 : 1;
    }

    /** Reads one picture: with {@code --raw} the first code there is; otherwise ours, when it shows several. */
    private Scan scan(Path file, VerificationLink link) {
        long start = System.nanoTime();
        try {
            var frame = Picture.file(file).next().orElseThrow();
            List<QrDecoder.Found> codes = format.raw ? QrDecoder.read(frame).stream().toList() : QrDecoder.readAll(frame);
            double ms = (System.nanoTime() - start) / 1e6;
            if (codes.isEmpty()) {
                return new Scan(file.toString(), null, List.of(), null, null, null, null, null, ms, Messages.get("scan.none"));
            }
            QrDecoder.Found chosen = codes.stream().filter(c -> link.read(c.text()) instanceof VerificationLink.Scanned.Code)
                    .findFirst().orElse(codes.getFirst());
            String code = null;
            String refused = null;
            switch (link.read(chosen.text())) {
                case VerificationLink.Scanned.Code(var ours) -> code = ours.display();
                case VerificationLink.Scanned.Refused r -> refused = Messages.get(r.messageKey(), r.messageArguments());
            }
            return new Scan(file.toString(), chosen.text(), codes.stream().map(QrDecoder.Found::text).toList(), code, refused,
                    chosen.corners().stream().map(p -> new double[] {round(p.x()), round(p.y())}).toList(),
                    chosen.engine().name().toLowerCase(Locale.ROOT), chosen.look(), ms, null);
        } catch (IOException e) {
            return new Scan(file.toString(), null, List.of(), null, null, null, null, null,
                    (System.nanoTime() - start) / 1e6, Messages.get("scan.unreadable", e.getMessage()));
        }
    }

    private String line(Scan scan) {
        String result;
        if (format.raw) {
            result = scan.text() == null ? "" : oneLine(scan.text());
        } else if (scan.error() != null) {
            result = scan.error();
        } else {
            result = scan.code() != null ? scan.code() : Messages.get("scan.notOurs", scan.refused());
        }
        return oneLine(scan.file()) + "\t" + result;
    }

    /** The text with backslashes and control characters (line and paragraph separators too) escaped: one line. */
    static String oneLine(String text) {
        var out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static double round(double pixels) {
        return Math.round(pixels * 10) / 10.0;
    }
}
