package org.devicelink.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar for a command's long runs, drawn on a terminal's standard error and redrawn in place, so
 * standard output stays the clean lines that scripts read. Where standard error is not a terminal (a file, a pipe, a
 * CI log) it draws nothing.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000; // ten times a second is smooth, and cheap over ssh

    private final PrintStream err;
    private final int total;
    private final boolean shown;
    private int done;
    private long drawn;
    private boolean onScreen;

    ProgressBar(PrintStream err, int total, boolean shown) {
        this.err = err;
        this.total = total;
        this.shown = shown;
    }

    /** A bar for {@code total} steps, shown when there is more than one and standard error is a terminal. */
    public static ProgressBar onTerminal(PrintStream err, int total) {
        return new ProgressBar(err, total, total > 1 && standardErrorIsATerminal());
    }

    /** One more step done; {@code what} names it. */
    public void done(String what) {
        done++;
        long now = System.nanoTime();
        if (shown && (now - drawn >= REDRAW_NANOS || done == total)) {
            drawn = now;
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + fit(what) + "\u001b[K");
            err.flush();
            onScreen = true;
        }
    }

    /** Takes the bar off the screen, before a line of output or at the end. */
    public void clear() {
        if (onScreen) {
            err.print("\r\u001b[K");
            err.flush();
            onScreen = false;
        }
    }

    private static String fit(String what) {
        return what.length() <= 40 ? what : "…" + what.substring(what.length() - 39);
    }

    /** Linux names the terminal behind a descriptor in /proc; elsewhere the JDK's console says for the session. */
    static boolean standardErrorIsATerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException noProc) {
            var console = System.console();
            return console != null && console.isTerminal();
        }
    }
}
