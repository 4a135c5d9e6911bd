package org.devicelink.server.store;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What support reads of a code (its row, with who decided and who asked), and the insert-only support audit. */
public final class SupportStore {

    private final Sql sql;

    public SupportStore(Sql sql) {
        this.sql = sql;
    }

    /** A code's row as its story needs it; names are the accounts' display names, unmasked here. */
    public record Story(String clientId, String deviceName, String deviceModel, String clientAddress, Instant requestedAt,
                        Instant expiresAt, LinkStatus status, boolean reported, Instant lookedUpAt, Instant decidedAt, String decidedBy,
                        String askedBy, Instant askedAt, Instant redeemedAt, String ownerId, Refused refused) {}

    /** The last lookup an account's linking setting refused ({@code on}, {@code home}, {@code off}): when, whose, which. */
    public record Refused(Instant at, String by, String linking) {}

    public Optional<Story> story(String userCodeHash) {
        return sql.queryOne("SELECT p.client_id, p.device_name, p.device_model, p.client_address, p.requested_at, p.expires_at, "
                        + "p.status, p.reported, p.looked_up_at, p.decided_at, d.display_name AS decided_by, a.display_name AS asked_by, "
                        + "p.asked_at, p.redeemed_at, ld.account_id AS owner_id, p.refused_at, r.display_name AS refused_by, "
                        + "p.refused_linking FROM pending_links p "
                        + "LEFT JOIN accounts d ON d.id = p.decided_by LEFT JOIN accounts a ON a.id = p.asked_by "
                        + "LEFT JOIN accounts r ON r.id = p.refused_by "
                        + "LEFT JOIN linked_devices ld ON ld.id = p.device_id WHERE p.user_code_hash = ?",
                r -> new Story(r.string("client_id"), r.string("device_name"), r.string("device_model"), r.string("client_address"),
                        r.instant("requested_at"), r.instant("expires_at"), r.choice("status", LinkStatus.class), r.bool("reported"),
                        r.instant("looked_up_at"), r.instant("decided_at"), r.string("decided_by"), r.string("asked_by"),
                        r.instant("asked_at"), r.instant("redeemed_at"), r.string("owner_id"), r.instant("refused_at") == null ? null
                        : new Refused(r.instant("refused_at"), r.string("refused_by"), r.string("refused_linking"))), userCodeHash);
    }

    /** Whether any of these codes waits for a person now: one indexed probe each, in one statement. */
    public boolean anyWaiting(List<String> userCodeHashes, Instant now) {
        String marks = String.join(", ", Collections.nCopies(userCodeHashes.size(), "?"));
        Object[] args = new Object[userCodeHashes.size() + 2];
        userCodeHashes.toArray(args);
        args[args.length - 2] = LinkStatus.PENDING;
        args[args.length - 1] = now;
        return sql.queryOne("SELECT 1 AS one FROM pending_links WHERE user_code_hash IN (" + marks + ") AND status = ? AND expires_at > ? "
                + "FETCH FIRST 1 ROWS ONLY", r -> true, args).isPresent();
    }

    /** Records a near-miss hint given to a support account for an input, with the digests of the codes around it. */
    public void hint(String id, String supportId, Instant at, List<String> around) {
        sql.update("INSERT INTO support_hints (id, support_id, at) VALUES (?, ?, ?)", id, supportId, at);
        Object[] args = new Object[around.size() * 2];
        for (int i = 0; i < around.size(); i++) {
            args[2 * i] = id;
            args[2 * i + 1] = around.get(i);
        }
        sql.update("INSERT INTO support_hint_codes (hint_id, code_hash) VALUES " + String.join(", ", Collections.nCopies(around.size(),
                "(?, ?)")), args);
    }

    /** A hint given to this support account since then whose codes meet these; with the re-reads it has answered. */
    public record Hint(String id, int rereads) {}

    public Optional<Hint> hintNear(String supportId, Instant since, List<String> around) {
        Object[] args = new Object[around.size() + 2];
        args[0] = supportId;
        args[1] = since;
        for (int i = 0; i < around.size(); i++) {
            args[i + 2] = around.get(i);
        }
        return sql.queryOne("SELECT h.id, h.rereads FROM support_hints h WHERE h.support_id = ? AND h.at > ? AND EXISTS "
                + "(SELECT 1 FROM support_hint_codes c WHERE c.hint_id = h.id AND c.code_hash IN ("
                + String.join(", ", Collections.nCopies(around.size(), "?")) + ")) ORDER BY h.at FETCH FIRST 1 ROWS ONLY",
                r -> new Hint(r.string("id"), r.integer("rereads")), args);
    }

    public void reread(String hintId) {
        sql.update("UPDATE support_hints SET rereads = rereads + 1 WHERE id = ?", hintId);
    }

    public record Audit(String id, Instant at, String supportId, String action, String target, String customerId, String reason) {}

    public void audit(Audit entry) {
        sql.update("INSERT INTO support_audit (id, at, support_id, action, target, customer_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                entry.id(), entry.at(), entry.supportId(), entry.action(), entry.target(), entry.customerId(), entry.reason());
    }

    /** The support account's lookups since {@code since}, oldest first: the rate limit's memory is the audit itself. */
    public List<Instant> lookupsSince(String supportId, Instant since) {
        return sql.query("SELECT at FROM support_audit WHERE support_id = ? AND at > ? ORDER BY at", r -> r.instant("at"), supportId,
                since);
    }
}
