package org.devicelink.server.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where a finished message goes: an SMTP server, or the outbox folder. */
sealed interface Transport permits SmtpTransport, OutboxFolder {

    /** Hands the message over; throws when it could not be (the server is down, the folder is full), to be tried again. */
    void send(MimeMessage message) throws MessagingException;
}
