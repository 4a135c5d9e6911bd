package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.devicelink.device.QrCode;
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
        assertThat(QrDecoder.readAll(page)).extracting(QrDecoder.Found::text).containsExactlyInAnyOrder(appStore, device);

        var desktop = Picture.file(QrPictures.desktop(device, 3, dir.resolve("desktop.png"))).next().orElseThrow();
        assertThat(QrDecoder.readAll(desktop)).extracting(QrDecoder.Found::text).contains(device);
    }

    @Test
    void theCornersOutlineTheCodeItself() throws Exception {
        String device = "https://link.example.org/link?code=WDJB-MJHT";
        var page = Picture.file(QrPictures.twoCodes(device, "https://apps.example.com/get-devicelink", dir.resolve("page.png")))
                .next().orElseThrow();
        var found = QrDecoder.read(page).orElseThrow();
        // drawn at (40, 60) in 5-pixel modules, the first 4 modules a quiet zone
        int module = 5;
        int modules = QrCode.of(device).size() - 8;
        double left = 40 + 4 * module;
        double top = 60 + 4 * module;
        double side = modules * module;
        assertThat(found.text()).isEqualTo(device);
        assertThat(found.corners()).hasSize(4);
        double[][] expected = {{left, top}, {left + side, top}, {left + side, top + side}, {left, top + side}};
        for (int i = 0; i < 4; i++) {
            assertThat(found.corners().get(i).x()).as("corner %d x", i).isCloseTo(expected[i][0], Assertions.within(2.0 * module));
            assertThat(found.corners().get(i).y()).as("corner %d y", i).isCloseTo(expected[i][1], Assertions.within(2.0 * module));
        }
    }
}
