package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanCommandLineTest {

    @Test
    void everyCharacterThatCouldBreakALineIsEscapedAndNothingElse() {
        assertThat(ScanCommand.oneLine("a\r\nb\tc\\d\u0000\u007f\u0085\u2028\u2029é✓"))
                .isEqualTo("a\\r\\nb\\tc\\\\d\\u0000\\u007f\\u0085\\u2028\\u2029é✓");
        for (int c = 0; c < 0x3000; c++) {
            assertThat(ScanCommand.oneLine(String.valueOf((char) c))).doesNotContain("\n", "\r", "\u0085", "\u2028", "\u2029", "\t");
        }
    }
}
