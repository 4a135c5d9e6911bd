package org.devicelink.server.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How notices leave the server: through an SMTP server, or, with no {@code host}, as {@code .eml} files in the data
 * folder's owner-only {@code outbox/} (the embedded default, where no mail server is set up).
 *
 * @param security     how the connection is protected: {@code starttls}, {@code tls} (SMTPS) or {@code none}
 * @param passwordFile a file whose first line is the SMTP password, or null (kept out of the settings, which are shared)
 * @param firstRetry   how long after a failed send it is tried again; each failure doubles it, up to an hour
 */
public record MailSettings(String host, int port, String security, String user, Path passwordFile, String from, Duration firstRetry) {

    public static final List<String> SECURITY = List.of("starttls", "tls", "none");
    /** The data folder's folder for messages when no SMTP server is set. */
    public static final String OUTBOX_FOLDER = "outbox";

    /** Whether messages go to an SMTP server rather than to the outbox folder. */
    public boolean smtp() {
        return !host.isEmpty();
    }
}
