package org.devicelink.server;

import java.util.Locale;

/**
 * Every setting of the link server with its default: the one place they are defined. Each can be set in the
 * settings file ({@code key=value}), in the environment ({@code DEVICELINK_} + key in upper case with {@code .}
 * and {@code -} as {@code _}) or as a flag ({@code --set key=value}); flags beat the environment, which beats the
 * file. Trusted sign-in issuers are the one family of keys not listed here: {@code trust.NAME.issuer},
 * {@code trust.NAME.jwks-uri}, {@code trust.NAME.audience}, {@code trust.NAME.scope}, {@code trust.NAME.max-lifetime}.
 */
public enum Setting {
    DATA_DIR("data-dir", "",
            "Folder for the database, TLS certificate and settings file; empty: the user's data folder (Linux ~/.local/share/devicelink, "
                    + "macOS ~/Library/Application Support/DeviceLink, Windows %APPDATA%\\DeviceLink)."),
    HOST("host", "127.0.0.1", "Address to listen on; 0.0.0.0 to accept devices from the network."),
    PORT("port", "8443", "Port to listen on; 0 picks a free one."),
    PUBLIC_URL("public-url", "",
            "The URL devices and people use to reach this server (issuer, verification page); empty: https://localhost:PORT (http:// "
                    + "when tls=false)."),
    TLS("tls", "true",
            "Serve HTTPS with the data folder's certificate (created on first start). false: plain HTTP, only behind a TLS proxy."),
    MANAGEMENT_HOST("management.host", "127.0.0.1", "Address of the management listener (health and metrics)."),
    MANAGEMENT_PORT("management.port", "9000",
            "Port of the management listener: /health/live, /health/ready, /metrics (Prometheus); 0 picks a free one."),
    MANAGEMENT_PUBLIC("management.public", "false", "Also serve /health/* and /metrics on the public port (not only on management.port)."),
    SHUTDOWN_DELAY("shutdown.delay", "0",
            "Seconds a stopping node keeps serving while /health/ready answers 503, so a load balancer stops sending it requests first."),
    LOG_FORMAT("log.format", "text", "Log lines as text or json (one JSON object per line)."),
    LOG_ACCESS("log.access", "false", "One log line per request: method, route pattern, status, milliseconds (never a path or query)."),
    HEADER_TIMEOUT("http.header-timeout", "10",
            "Seconds a new connection has to send its first request's headers, whole; then it is closed (against slow senders)."),
    TRUST_PROXY("trust-proxy", "false", "Take the client address from X-Forwarded-For (set it only behind your own proxy)."),
    DATABASE_URL("database.url", "",
            "JDBC URL; empty: an H2 file in the data folder (each commit written before it is answered). PostgreSQL: "
                    + "jdbc:postgresql://host/db."),
    DATABASE_USER("database.user", "", "Database user."),
    DATABASE_PASSWORD("database.password", "", "Database password."),
    DATABASE_POWER_SAFE("database.power-safe", "true",
            "On an H2 file: true, an answered write survives a power cut (its group of commits is forced to the disk); false, it "
                    + "survives a killed server only (written to the operating system)."),
    DATABASE_POOL("database.pool", "10", "Most database connections this node holds (at least 2: migrations need a second one)."),
    CODE_LIFETIME("code.lifetime", "600", "Seconds a device's code stays valid (expires_in)."),
    POLL_INTERVAL("code.interval", "5", "Seconds a device waits between token polls (interval); each slow_down adds 5."),
    POLL_WAIT("code.poll-wait", "20",
            "Most seconds a token poll that asks to wait (Prefer: wait=N) is held open and answered the moment its code is approved or "
                    + "denied; 0: never held; at most 25, under the 30-second idle timeout of this server's connections and of common "
                            + "proxies."),
    ACCESS_TOKEN_LIFETIME("token.access-lifetime", "600", "Seconds a device's access token is valid."),
    REFRESH_TOKEN_LIFETIME("token.refresh-lifetime", "7776000",
            "Seconds a device's refresh token is valid if unused (90 days); every use rotates it."),
    ACCOUNT_FAILURES("limit.account-failures", "5",
            "Wrong codes one account may try within limit.window; then it waits until the window ends."),
    ACCOUNT_DAILY_FAILURES("limit.account-daily-failures", "9",
            "Wrong codes one account may try within a day (a third while wrong codes surge, see limit.all-accounts-hourly)."),
    ADDRESS_FAILURES("limit.address-failures", "30",
            "Wrong codes one address block may try within limit.window (and wrong passwords, for the local provider)."),
    ADDRESS_DAILY_FAILURES("limit.address-daily-failures", "100", "Wrong codes one address block may try within a day."),
    ALL_ACCOUNTS_HOURLY("limit.all-accounts-hourly", "1000",
            "Wrong codes all accounts together may try within an hour before each account's day is cut to a third."),
    IPV4_PREFIX("limit.ipv4-prefix", "32",
            "How IPv4 addresses are grouped into blocks for the limits: 32 (each address) to 8 bits. IPv6 addresses count by their /64."),
    LIMIT_WINDOW("limit.window", "900", "Seconds over which wrong codes and wrong passwords are counted."),
    LOCKOUT("limit.lockout", "900", "Seconds a lockout lasts at least (sent as Retry-After); it lasts until its window ends in any case."),
    CODES_PER_BLOCK("issue.per-block", "100",
            "Device codes one address block (see limit.ipv4-prefix) may be given per code.lifetime on a node: it bounds the codes "
                    + "waiting per block. Past it: 429 slow_down with Retry-After. An \"I didn't start this\" report cuts its block's "
                            + "allowance to a tenth for a day."),
    CODES_PER_APP("issue.per-app", "10000",
            "Device codes one app (client_id) may be given per code.lifetime on a node, from all addresses together: it bounds the rows "
                    + "a flood can write."),
    STREAMS_PER_ACCOUNT("events.per-account", "5",
            "Live-update streams (GET /api/v1/events) one account may hold open on a node; a new one ends that account's oldest."),
    STREAMS_PER_NODE("events.max", "2000",
            "Live-update streams a node holds open in all; past it, new ones are told to come back in a minute (503). Keep it under the "
                    + "process's file-handle limit, with room for devices."),
    MAX_DEVICES("devices.max-per-account", "25", "Most devices linked to one account at once."),
    LINKING_DEFAULT("linking.default", "on",
            "Linking with a code for accounts that chose nothing in Settings: on, home (only from the device's own network) or off."),
    ACTIVITY_KEEP_DAYS("activity.keep-days", "365",
            "Days each line of an account's activity is kept; older lines are swept every hour, a thousand at a time."),
    WEB_AUTHORITY("web.authority", "",
            "The OpenID Connect issuer the approval page (/link) signs people in with, by discovery (Entra ID: "
                    + "https://login.microsoftonline.com/TENANT/v2.0); empty: the local provider, when it is on."),
    WEB_CLIENT_ID("web.client-id", "",
            "The approval page's client id at web.authority; its redirect URI there is PUBLIC-URL/link/callback."),
    WEB_CLIENT_SECRET("web.client-secret", "",
            "The approval page's client secret at web.authority (Entra's Web platform); empty: a public client, PKCE alone."),
    WEB_SCOPE("web.scope", "",
            "The API scope the approval page asks web.authority for (Entra: api://APP-ID/devicelink); its access tokens must be from a "
                    + "trusted issuer (trust.NAME.*)."),
    LOCAL_ISSUER("local-issuer", "true", "Serve the local OpenID provider at /idp and trust its tokens (the embedded default's sign-in)."),
    DEMO_ACCOUNTS("local-issuer.demo-accounts", "true",
            "Create the demo accounts (alex, sam, riley; password link-demo) in an empty provider. Only allowed when host is a loopback "
                    + "address."),
    ISSUER_ACCESS_LIFETIME("local-issuer.access-lifetime", "3600", "Seconds a sign-in access token is valid."),
    ISSUER_REFRESH_LIFETIME("local-issuer.refresh-lifetime", "1209600",
            "Seconds a sign-in lasts without use (14 days); every refresh rotates it."),
    LOGIN_FAILURES("local-issuer.login-failures", "5", "Wrong passwords for one username within limit.window before it is locked out."),
    MAIL_HOST("mail.host", "",
            "SMTP server that sends notices (a device linked, a child's request, a sign-out everywhere); empty: each message is "
                    + "written as an .eml file to DATA_DIR/outbox, readable by this server's user alone."),
    MAIL_PORT("mail.port", "587", "SMTP port: 587 for STARTTLS, 465 for TLS."),
    MAIL_SECURITY("mail.security", "starttls",
            "starttls (required, never plain), tls (SMTPS from the first byte), or none (a mail server on this computer only)."),
    MAIL_USER("mail.user", "", "SMTP user name; empty: no authentication."),
    MAIL_PASSWORD_FILE("mail.password-file", "",
            "A file whose first line is the SMTP password (keep it readable by this server's user alone)."),
    MAIL_FROM("mail.from", "DeviceLink <devicelink@localhost>", "The sender of notices, as an address with an optional name."),
    MAIL_RETRY("mail.retry", "30",
            "Seconds before a notice that could not be sent is tried again; each failure doubles it, up to an hour. None is dropped."),
    KEYS_FILE("keys.file", "",
            "A file that holds the code-hashing and token-signing keys, apart from the database (made on first start; copy it to every "
                    + "node); empty: the keys are kept in the database.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public String environmentName() {
        return environmentName(key);
    }

    static String environmentName(String key) {
        return "DEVICELINK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
