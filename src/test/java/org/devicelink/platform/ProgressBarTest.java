package org.devicelink.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsInPlaceAndLeavesNothingBehind() {
        var err = new ByteArrayOutputStream();
        var bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), 3, true);
        bar.done("a.png");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\r[##########--------------------] 1/3 a.png\u001b[K");
        bar.done("b.png");
        bar.done("a-very-long-folder-name/and-a-longer-file-name-still.png"); // the last step is always drawn
        assertThat(err.toString(StandardCharsets.UTF_8))
                .endsWith("\r[##############################] 3/3 …r-name/and-a-longer-file-name-still.png\u001b[K");
        bar.clear();
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("\r\u001b[K");
    }

    @Test
    void drawsNothingWhereStandardErrorIsNotATerminal() {
        var err = new ByteArrayOutputStream();
        var bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), 3, false);
        bar.done("a.png");
        bar.clear();
        assertThat(err.size()).isZero();
        // under Maven, standard error is a pipe or a file
        assertThat(ProgressBar.standardErrorIsATerminal()).isFalse();
    }
}
