package org.devicelink.server.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.devicelink.i18n.Messages;
import org.devicelink.server.store.OutboxStore;
import org.devicelink.server.store.Sql;

/**
 * The transactional outbox: {@link #post} writes a whole message in the caller's transaction, beside the change it
 * reports, so the two stand or fall together; {@link Delivery} sends it once that has committed. Its Message-ID is
 * fixed when it is written, so a message sent twice (a crash between sending and marking it sent) is one message to
 * every mail program.
 */
public final class Outbox {

    private final Sql sql;
    private final OutboxStore store;
    private final InternetAddress from;
    private final String domain;
    private final Clock clock;
    private final Runnable written;
    /** Only makes and reads messages: the transport has its own session for sending. */
    private static final Session SESSION = Session.getInstance(new Properties());
    private final Mustache html = new DefaultMustacheFactory("mail").compile("letter.html.mustache");

    /**
     * @param domain  the right-hand side of every Message-ID (the server's public host)
     * @param written told after each commit that wrote a message: the delivery's cue
     */
    public Outbox(Sql sql, OutboxStore store, String from, String domain, Clock clock, Runnable written) {
        this.sql = sql;
        this.store = store;
        this.domain = domain;
        this.clock = clock;
        this.written = written;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Setting 'mail.from' is not an address: " + from, e);
        }
    }

    /** Writes {@code letter} to {@code recipient} into the outbox, in the current transaction; it goes after the commit. */
    public void post(String recipient, String kind, Letter letter) {
        String id = UUID.randomUUID().toString();
        store.insert(id, recipient, kind, write(id, recipient, letter), clock.instant());
        sql.afterCommit(written);
    }

    private String write(String id, String recipient, Letter letter) {
        try {
            var message = new FixedIdMessage(SESSION, "<" + id + "@" + domain + ">");
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(letter.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies to a notice
            message.setHeader("Content-Language", Messages.locale().toLanguageTag());
            var text = new MimeBodyPart();
            text.setText(plainText(letter), "UTF-8", "plain");
            var page = new MimeBodyPart();
            page.setText(html(letter), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, page));
            message.saveChanges();
            var out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.ISO_8859_1); // MIME is 7-bit here; this keeps any byte as it is
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot write a message to " + recipient + ": " + e.getMessage(), e);
        }
    }

    /** The parsed form of a written message, as it will be sent. */
    static MimeMessage read(String written) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(written.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static String plainText(Letter letter) {
        var text = new StringBuilder(letter.heading()).append("\n\n");
        letter.paragraphs().forEach(p -> text.append(p).append("\n\n"));
        letter.facts().forEach(f -> text.append(f.label()).append(": ").append(f.value()).append('\n'));
        if (!letter.facts().isEmpty()) {
            text.append('\n');
        }
        letter.actions().forEach(a -> text.append(a.label()).append(":\n").append(a.url()).append("\n\n"));
        return text.append("-- \n").append(letter.footer()).append('\n').toString();
    }

    private String html(Letter letter) {
        var out = new StringWriter();
        html.execute(out, Map.of("lang", Messages.locale().toLanguageTag(), "dir", Messages.rightToLeft() ? "rtl" : "ltr",
                "letter", letter));
        return out.toString();
    }

    /** The local part of a Message-ID, {@code <id@domain>}: the name of its file in the outbox folder. */
    static String localPart(String messageId) {
        return messageId.substring(1, messageId.indexOf('@'));
    }

    /** A message whose Message-ID is the one it was given, not a new one at every save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
