package org.devicelink.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.devicelink.protocol.ProblemType;
import org.junit.jupiter.api.Test;

/** The companion's sentence for each problem the server sends, with its wait said once, in words. */
class ProblemsTest {

    @Test
    void anUnavailableServerSaysItsWaitOnce() {
        var failure = new ApiFailure(ProblemType.UNAVAILABLE, "The server cannot reach its database just now.", 5L, null);

        assertThat(Problems.message(failure)).endsWith("try again in 5 seconds.").doesNotContain("seconds seconds");
    }

    @Test
    void aLongWaitIsSaidInMinutes() {
        var failure = new ApiFailure(ProblemType.TOO_MANY_ATTEMPTS, "Too many wrong codes.", 600L, null);

        assertThat(Problems.message(failure)).contains("Wait 10 minutes,");
    }

    @Test
    void aCodeTheServerFindsMalformedIsSaidInItsOwnWords() {
        var failure = new ApiFailure(ProblemType.CODE_INVALID, "Codes are 8 letters.", null, null);

        assertThat(Problems.message(failure)).isEqualTo("Codes are 8 letters.");
    }

    @Test
    void anUnreachableServerIsNamed() {
        var failure = ApiFailure.unreachable("https://link.example", new IOException("refused"));

        assertThat(Problems.message(failure)).startsWith("Cannot reach the DeviceLink server at https://link.example.");
    }
}
