package org.devicelink.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pending_links} table: a device's request to be linked, shared by the device side (oauth) and the
 * approver side (links). Every state change is a conditional UPDATE, so two nodes racing on one row cannot both
 * win: one approval, one redemption.
 */
public final class PendingLinkStore {

    private static final String COLUMNS = "id, device_code_hash, client_id, scope, device_name, device_model, client_address, user_agent, "
            + "requested_at, expires_at, poll_interval, status, decided_by, device_id, asked_by";
    private static final String P_COLUMNS = COLUMNS.replaceAll("(\\w+)", "p.$1"); // the same, in a join of pending_links p

    private final Sql sql;

    public PendingLinkStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * @param deviceCodeHash the device side's key: how a poll finds this request, and how its decision is announced
     * @param askedBy        the child whose approval waits for a parent (whose device it becomes), or null
     */
    public record Row(String id, String deviceCodeHash, String clientId, String scope, String deviceName, String deviceModel,
                      String clientAddress, String userAgent, Instant requestedAt, Instant expiresAt,
                      int pollInterval, LinkStatus status, String decidedBy, String deviceId, String askedBy) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    public void insert(Row row, String userCodeHash) {
        sql.update("INSERT INTO pending_links (id, device_code_hash, user_code_hash, client_id, scope, device_name, "
                        + "device_model, client_address, user_agent, requested_at, expires_at, poll_interval, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.id(), row.deviceCodeHash(), userCodeHash, row.clientId(), row.scope(), row.deviceName(), row.deviceModel(),
                row.clientAddress(), row.userAgent(), row.requestedAt(), row.expiresAt(), row.pollInterval(), row.status());
    }

    /** The request a device code names: its row, if the code's keyed hash is the row's (compared in constant time). */
    public Optional<Row> findForDevice(String id, String deviceCodeHash) {
        return find(id).filter(row -> MessageDigest.isEqual(row.deviceCodeHash().getBytes(StandardCharsets.US_ASCII),
                deviceCodeHash.getBytes(StandardCharsets.US_ASCII)));
    }

    public Optional<Row> findByUserCode(String userCodeHash) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM pending_links WHERE user_code_hash = ?", PendingLinkStore::map, userCodeHash);
    }

    /** Approves a request still {@code from} (pending, or awaiting a parent); false when another decision won. */
    public boolean approve(String id, LinkStatus from, String accountId, String deviceId, Instant now) {
        return sql.update("UPDATE pending_links SET status = ?, decided_at = ?, decided_by = ?, device_id = ? "
                + "WHERE id = ? AND status = ? AND expires_at > ?", LinkStatus.APPROVED, now, accountId, deviceId, id, from, now) == 1;
    }

    /** Denies a request still {@code from} (pending, or awaiting a parent); false when another decision won. */
    public boolean deny(String id, LinkStatus from, String accountId, boolean reported, Instant now) {
        return sql.update("UPDATE pending_links SET status = ?, decided_at = ?, decided_by = ?, reported = ? "
                + "WHERE id = ? AND status = ? AND expires_at > ?", LinkStatus.DENIED, now, accountId, reported, id, from, now) == 1;
    }

    /** A child's approval: the request now waits for a parent of theirs; false when another decision won. */
    public boolean awaitParent(String id, String childId, Instant now) {
        return sql.update("UPDATE pending_links SET status = ?, asked_by = ?, asked_at = ? WHERE id = ? AND status = ? AND expires_at > ?",
                LinkStatus.AWAITING_PARENT, childId, now, id, LinkStatus.PENDING, now) == 1;
    }

    public Optional<Row> find(String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM pending_links WHERE id = ?", PendingLinkStore::map, id);
    }

    /** The unexpired requests the family's children asked a parent for, newest first. */
    public List<Row> awaitingParent(String issuer, String familyId, Instant now, int limit) {
        return sql.query("SELECT " + P_COLUMNS + " FROM pending_links p JOIN accounts c ON c.id = p.asked_by "
                        + "WHERE p.status = ? AND p.expires_at > ? AND c.issuer = ? AND c.family_id = ? "
                        + "ORDER BY p.requested_at DESC, p.id FETCH FIRST " + limit + " ROWS ONLY",
                PendingLinkStore::map, LinkStatus.AWAITING_PARENT, now, issuer, familyId);
    }

    /** Exactly-once hand-over of the tokens: only one caller, on any node, gets true. */
    public boolean redeem(String id, Instant now) {
        return sql.update("UPDATE pending_links SET status = ?, redeemed_at = ? WHERE id = ? AND status = ?",
                LinkStatus.REDEEMED, now, id, LinkStatus.APPROVED) == 1;
    }

    /**
     * Notes that an account looked the code up (the first time is a line of its story for support); returns whether
     * another account has looked it up too, before or since.
     */
    public boolean lookedUp(String id, String accountId, Instant now) {
        sql.update("UPDATE pending_links SET looked_up_at = COALESCE(looked_up_at, ?), looked_up_by = COALESCE(looked_up_by, ?), "
                + "seen_by_others = seen_by_others OR (looked_up_by IS NOT NULL AND looked_up_by <> ?) WHERE id = ?", now, accountId,
                        accountId, id);
        return seenByOthers(id);
    }

    /** An account's linking setting refused a lookup of this code: the code's story at the support desk says so. */
    public void refusedBySetting(String id, String accountId, String linking, Instant now) {
        sql.update("UPDATE pending_links SET refused_at = ?, refused_by = ?, refused_linking = ? WHERE id = ?", now, accountId, linking,
                id);
    }

    /** Whether two or more accounts have looked the code up (it may have been sent around). */
    public boolean seenByOthers(String id) {
        return sql.queryOne("SELECT seen_by_others FROM pending_links WHERE id = ?", r -> r.bool("seen_by_others"), id).orElse(false);
    }

    private static Row map(Sql.Row r) throws SQLException {
        return new Row(r.string("id"), r.string("device_code_hash"), r.string("client_id"), r.string("scope"), r.string("device_name"),
                r.string("device_model"), r.string("client_address"), r.string("user_agent"), r.instant("requested_at"),
                r.instant("expires_at"), r.integer("poll_interval"), r.choice("status", LinkStatus.class),
                r.string("decided_by"), r.string("device_id"), r.string("asked_by"));
    }
}
