package org.devicelink.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.devicelink.protocol.DeviceStatus;

/**
 * The {@code linked_devices} and {@code refresh_tokens} tables: devices linked to accounts and their refresh
 * chains, shared by the device side (oauth: issue, rotate, revoke) and the owner side (devices: list, rename,
 * unlink).
 */
public final class LinkedDeviceStore {

    private static final String SELECT = "SELECT d.id, d.account_id, o.display_name AS account_name, d.client_id, "
            + "a.display_name AS app_name, d.name, d.model, d.scope, d.linked_at, d.last_active_at, d.status, d.end_reason "
            + "FROM linked_devices d JOIN device_apps a ON a.client_id = d.client_id JOIN accounts o ON o.id = d.account_id ";

    private final Sql sql;

    public LinkedDeviceStore(Sql sql) {
        this.sql = sql;
    }

    public record Device(String id, String accountId, String accountName, String clientId, String appName, String name, String model,
                         String scope, Instant linkedAt, Instant lastActiveAt, DeviceStatus status, EndReason endReason) {}

    public void insert(String id, String accountId, String approvedBy, String clientId, String name, String model,
                       String scope, Instant now) {
        sql.update("INSERT INTO linked_devices (id, account_id, approved_by, client_id, name, model, scope, linked_at, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, accountId, approvedBy, clientId, name, model, scope, now, DeviceStatus.ACTIVE);
    }

    public Optional<Device> find(String id) {
        return sql.queryOne(SELECT + "WHERE d.id = ?", LinkedDeviceStore::map, id);
    }

    /** The devices of these accounts (one, or a family's few), newest first. */
    public List<Device> listForAccounts(List<String> accountIds, int limit) {
        String marks = String.join(", ", Collections.nCopies(accountIds.size(), "?"));
        return sql.query(SELECT + "WHERE d.account_id IN (" + marks + ") ORDER BY d.linked_at DESC, d.id FETCH FIRST " + limit
                + " ROWS ONLY",
                LinkedDeviceStore::map, accountIds.toArray());
    }

    /** The account's active devices of one app, oldest first. */
    public List<Device> activeOfApp(String accountId, String clientId) {
        return sql.query(SELECT + "WHERE d.account_id = ? AND d.client_id = ? AND d.status = ? ORDER BY d.linked_at, d.id",
                LinkedDeviceStore::map, accountId, clientId, DeviceStatus.ACTIVE);
    }

    /** The account's active devices, oldest first (at most a device limit's worth: {@code devices.max-per-account}). */
    public List<Device> active(String accountId) {
        return sql.query(SELECT + "WHERE d.account_id = ? AND d.status = ? ORDER BY d.linked_at, d.id", LinkedDeviceStore::map, accountId,
                DeviceStatus.ACTIVE);
    }

    public int countActive(String accountId) {
        return sql.queryOne("SELECT COUNT(*) AS n FROM linked_devices WHERE account_id = ? AND status = ?",
                r -> r.integer("n"), accountId, DeviceStatus.ACTIVE).orElse(0);
    }

    public boolean rename(String id, String accountId, String name) {
        return sql.update("UPDATE linked_devices SET name = ? WHERE id = ? AND account_id = ?", name, id, accountId) == 1;
    }

    /** Ends an active device's session (unlinked or revoked) and kills its refresh chain. */
    public boolean end(String id, DeviceStatus status, EndReason reason, Instant now) {
        return sql.inTransaction(() -> {
            boolean ended = sql.update("UPDATE linked_devices SET status = ?, end_reason = ?, ended_at = ? WHERE id = ? AND status = ?",
                    status, reason, now, id, DeviceStatus.ACTIVE) == 1;
            sql.update("UPDATE refresh_tokens SET expires_at = ? WHERE device_id = ? AND expires_at > ?", now, id, now);
            return ended;
        });
    }

    /**
     * Ends the devices whose code expired approved but never redeemed: they never got their tokens, so they are not
     * linked and count toward no limit. For one account, or every account when {@code accountId} is null.
     */
    public int endUncollected(String accountId, Instant now) {
        String uncollected = "SELECT device_id FROM pending_links WHERE status = ? AND expires_at <= ? AND device_id IS NOT NULL";
        return accountId == null
                ? sql.update("UPDATE linked_devices SET status = ?, end_reason = ?, ended_at = ? WHERE status = ? AND id IN ("
                + uncollected + ")",
                        DeviceStatus.UNLINKED, EndReason.NOT_COLLECTED, now, DeviceStatus.ACTIVE, LinkStatus.APPROVED, now)
                : sql.update("UPDATE linked_devices SET status = ?, end_reason = ?, ended_at = ? WHERE status = ? AND account_id = ? "
                        + "AND id IN (" + uncollected + ")", DeviceStatus.UNLINKED, EndReason.NOT_COLLECTED, now, DeviceStatus.ACTIVE,
                        accountId, LinkStatus.APPROVED, now);
    }

    public void touch(String id, Instant now) {
        sql.update("UPDATE linked_devices SET last_active_at = ? WHERE id = ?", now, id);
    }

    /** The devices' refresh tokens, in chains per device: a device's session ends when its chain does. */
    public TokenChains refreshTokens() {
        return new TokenChains.Table(sql, "refresh_tokens", "device_id") {
            @Override
            public Optional<Token> find(String tokenHash) {
                return sql.queryOne("SELECT t.device_id, d.client_id, t.expires_at, t.rotated_at, d.status FROM refresh_tokens t "
                                + "JOIN linked_devices d ON d.id = t.device_id WHERE t.token_hash = ?",
                        r -> new Token(r.string("device_id"), r.string("client_id"), r.instant("expires_at"), r.instant("rotated_at"),
                                r.choice("status", DeviceStatus.class) != DeviceStatus.ACTIVE), tokenHash);
            }

            @Override
            public void endChain(String deviceId, Instant now) {
                end(deviceId, DeviceStatus.REVOKED, EndReason.REFRESH_TOKEN_REUSE, now);
            }
        };
    }

    private static Device map(Sql.Row r) throws SQLException {
        return new Device(r.string("id"), r.string("account_id"), r.string("account_name"), r.string("client_id"), r.string("app_name"),
                r.string("name"), r.string("model"), r.string("scope"), r.instant("linked_at"),
                r.instant("last_active_at"), r.choice("status", DeviceStatus.class), r.choice("end_reason", EndReason.class));
    }
}
