package org.devicelink.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from outside the build (a browser, an X server, a set of photos). Missing on a developer's machine,
 * the test is skipped and says why; missing under CI ({@code CI=true}), it fails, so CI never goes green without it.
 */
public final class Inputs {

    private Inputs() {}

    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing + " (CI=true: a test that would skip fails instead)");
        }
        Assumptions.abort(missing);
    }
}
