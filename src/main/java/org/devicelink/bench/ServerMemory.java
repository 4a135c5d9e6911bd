package org.devicelink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.devicelink.i18n.Messages;

/** The measured server's resident memory, read from Linux's {@code /proc}. */
final class ServerMemory {

    private ServerMemory() {}

    /** The resident memory of process {@code pid} in bytes, or -1 when no process was named or it cannot be read. */
    static long rss(Long pid) {
        if (pid == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            System.err.println("devicelink bench: " + Messages.get("bench.memory.unreadable", pid.toString(), e.getMessage()));
        }
        return -1;
    }

    static String text(long bytes) {
        return bytes < 0 ? Messages.get("bench.memory.unknown") : String.format("%,d MB", bytes / (1024 * 1024));
    }
}
