package org.devicelink.testing;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** What tests read of an email the server sent: one of its parts, as a mail program would show it. */
public final class Mails {

    private Mails() {}

    /** The text of the message's part of this type ({@code text/plain}, {@code text/html}). */
    public static String part(MimeMessage message, String type) throws Exception {
        var parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
