package org.devicelink.server.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

/** Jakarta Mail (Eclipse Angus) to the operator's SMTP server, with STARTTLS required, TLS, or (on loopback) neither. */
final class SmtpTransport implements Transport {

    /** How long a connection, a read and a write may each take: a hung mail server holds up no more than one send. */
    private static final String TIMEOUT_MILLIS = "20000";

    private final Session session;
    private final String protocol;
    private final String user;
    private final String password;

    SmtpTransport(MailSettings settings) {
        boolean tls = settings.security().equals("tls");
        this.protocol = tls ? "smtps" : "smtp";
        var properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        properties.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        properties.put(prefix + "timeout", TIMEOUT_MILLIS);
        properties.put(prefix + "writetimeout", TIMEOUT_MILLIS);
        if (settings.security().equals("starttls")) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true"); // never falls back to plain text
        }
        if (tls || settings.security().equals("starttls")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        this.user = settings.user().isEmpty() ? null : settings.user();
        this.password = settings.passwordFile() == null ? null : firstLine(settings);
        properties.put(prefix + "auth", Boolean.toString(user != null));
        this.session = Session.getInstance(properties);
    }

    Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try (var transport = session.getTransport(protocol)) {
            transport.connect(user, password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static String firstLine(MailSettings settings) {
        try {
            return Files.readAllLines(settings.passwordFile(), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail.password-file " + settings.passwordFile() + ": " + e.getMessage(), e);
        }
    }
}
