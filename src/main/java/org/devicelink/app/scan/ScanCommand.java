package org.devicelink.app.scan;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devicelink scan}: the device code in each picture's QR, for support staff and scripts. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Print the device code in the QR code of each picture (or why there is none). Exit code 1 when any has none.")
public final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pictures (PNG, JPEG, GIF, BMP).")
    List<Path> files;
    @Option(names = "--raw", description = "Print whatever text each QR holds: FILE<TAB>TEXT, or FILE<TAB> when none.")
    boolean raw;
    @Option(names = "--server", description = "The link server whose codes are accepted (default https://localhost:8443).")
    URI server = URI.create("https://localhost:8443");

    @Override
    public Integer call() {
        var link = new VerificationLink(server.resolve("/link"));
        int missing = 0;
        for (Path file : files) {
            String result;
            boolean found;
            try {
                var frame = Picture.file(file).next().orElseThrow();
                if (raw) {
                    var text = QrDecoder.read(frame).map(QrDecoder.Found::text);
                    found = text.isPresent();
                    result = text.map(t -> t.replace('\t', ' ').replace('\n', ' ')).orElse("");
                } else {
                    List<String> texts = QrDecoder.readAll(frame);
                    found = false;
                    if (texts.isEmpty()) {
                        result = "no QR code found";
                    } else {
                        result = switch (link.readAny(texts)) { // ours, when the picture shows several
                            case VerificationLink.Scanned.Code(var code) -> {
                                found = true;
                                yield code.display();
                            }
                            case VerificationLink.Scanned.Refused refused ->
                                    "not a DeviceLink code: " + Messages.get(refused.messageKey(), refused.messageArguments());
                        };
                    }
                }
            } catch (IOException e) {
                result = raw ? "" : "cannot read: " + e.getMessage();
                found = false;
            }
            if (!found) {
                missing++;
            }
            System.out.println(file + "\t" + result);
        }
        return missing == 0 ? 0 : 1;
    }
}
