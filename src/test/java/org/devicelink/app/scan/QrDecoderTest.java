package org.devicelink.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrDecoderTest {

    @TempDir
    Path dir;

    @Test
    void everyCodeInAPictureIsFoundForTheCallerToChooseFrom() throws Exception {
        String appStore = "https://apps.example.com/get-devicelink";
        String device = "https://link.example.org/link?code=WDJB-MJHT";
        var page = Picture.file(QrPictures.twoCodes(appStore, device, dir.resolve("page.png"))).next().orElseThrow();
        assertThat(QrDecoder.readAll(page)).containsExactlyInAnyOrder(appStore, device);

        var desktop = Picture.file(QrPictures.desktop(device, dir.resolve("desktop.png"))).next().orElseThrow();
        assertThat(QrDecoder.readAll(desktop)).contains(device);
    }
}
