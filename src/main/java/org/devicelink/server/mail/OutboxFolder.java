package org.devicelink.server.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.devicelink.platform.OwnerOnly;

/**
 * The embedded default's "mail server": each message becomes {@code outbox/<id>.eml} in the data folder, readable by
 * its owner alone, which any mail program opens. A message written twice (a crash between writing and marking it
 * sent) replaces itself.
 */
final class OutboxFolder implements Transport {

    private final Path folder;

    OutboxFolder(Path dataDir) {
        this.folder = dataDir.resolve(MailSettings.OUTBOX_FOLDER);
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try {
            OwnerOnly.folder(folder);
            String id = Outbox.localPart(message.getMessageID());
            Path partial = folder.resolve(id + ".eml.partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            OwnerOnly.file(partial);
            // whole or not at all, and on disk before the row says it was sent
            Files.move(partial, folder.resolve(id + ".eml"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MessagingException("Cannot write to " + folder + ": " + e.getMessage(), e);
        }
    }
}
