package org.devicelink.server.mail;

import java.util.List;

/**
 * What a notice says, already in the recipient's words: a subject, a heading, a few paragraphs, the facts it reports
 * (label and value) and the links it offers. {@link Outbox} makes it a plain-text and an HTML part of one message.
 */
public record Letter(String subject, String heading, List<String> paragraphs, List<Fact> facts, List<Action> actions, String footer) {

    public Letter {
        paragraphs = List.copyOf(paragraphs);
        facts = List.copyOf(facts);
        actions = List.copyOf(actions);
    }

    /** For the template: a table of facts only when there are some. */
    public boolean hasFacts() {
        return !facts.isEmpty();
    }

    public record Fact(String label, String value) {}

    public record Action(String label, String url) {}
}
