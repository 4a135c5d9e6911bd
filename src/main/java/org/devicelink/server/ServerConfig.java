package org.devicelink.server;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.server.accounts.TrustedIssuer;
import org.devicelink.server.mail.MailSettings;
import org.devicelink.server.web.WebProvider;

/**
 * The link server's settings, resolved once from defaults, the settings file, the environment and flags
 * (in rising order of precedence), checked, and typed.
 */
public record ServerConfig(
        Path dataDir,
        String host,
        int port,
        String publicUrl,
        boolean tls,
        Duration headerTimeout,
        boolean trustProxy,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        boolean databasePowerSafe,
        int databasePool,
        Duration codeLifetime,
        int pollInterval,
        Duration pollWait,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        int accountFailures,
        int accountDailyFailures,
        int addressFailures,
        int addressDailyFailures,
        int allAccountsHourly,
        int ipv4Prefix,
        Duration limitWindow,
        Duration lockout,
        int maxDevicesPerAccount,
        int streamsPerAccount,
        int streamsPerNode,
        int codesPerBlock,
        int codesPerApp,
        Duration activityKept,
        boolean localIssuer,
        boolean demoAccounts,
        Duration issuerAccessLifetime,
        Duration issuerRefreshLifetime,
        int loginFailures,
        Path keysFile,
        List<TrustedIssuer> trustedIssuers,
        WebProvider webProvider,
        MailSettings mail,
        String linkingDefault,
        String managementHost,
        int managementPort,
        boolean managementPublic,
        Duration shutdownDelay,
        String logFormat,
        boolean accessLog) {

    public static final String SETTINGS_FILE = "server.properties";

    /**
     * @param userDataDir  the data folder when none is set: the user's, from the launcher
     * @param settingsFile an explicit settings file, or null for {@code DATA_DIR/server.properties} when present
     * @param environment  usually {@link System#getenv()}
     * @param flags        {@code key=value} pairs from the command line
     */
    public static ServerConfig load(Path userDataDir, Path settingsFile, Map<String, String> environment, Map<String, String> flags) {
        Map<String, String> values = new HashMap<>();
        for (Setting s : Setting.values()) {
            values.put(s.key(), s.defaultValue());
        }
        // the data folder decides where the default settings file is, so resolve it from env and flags first
        String dataDir = firstNonEmpty(flags.get(Setting.DATA_DIR.key()), environment.get(Setting.DATA_DIR.environmentName()), "");
        Path dir = dataDir.isEmpty() ? userDataDir : Path.of(dataDir);
        Path file = settingsFile != null ? settingsFile : dir.resolve(SETTINGS_FILE);
        if (settingsFile != null || Files.exists(file)) {
            values.putAll(readFile(file));
        }
        for (var entry : environment.entrySet()) {
            if (entry.getKey().startsWith("DEVICELINK_")) {
                keyForEnvironmentName(entry.getKey(), values).ifPresent(k -> values.put(k, entry.getValue()));
            }
        }
        values.putAll(flags);
        return from(values, dir);
    }

    /** Typed settings from resolved values; every value is checked and a wrong one names its key. */
    public static ServerConfig from(Map<String, String> values, Path defaultDataDir) {
        for (String key : values.keySet()) {
            boolean known = Arrays.stream(Setting.values()).anyMatch(s -> s.key().equals(key));
            if (!known && !key.startsWith("trust.")) {
                throw new IllegalArgumentException("Unknown setting '" + key + "'. Known settings: "
                        + Arrays.stream(Setting.values()).map(Setting::key).toList());
            }
        }
        var v = new Values(values);
        Path dataDir = v.text(Setting.DATA_DIR).isEmpty() ? defaultDataDir : Path.of(v.text(Setting.DATA_DIR));
        int port = v.integer(Setting.PORT, 0, 65535);
        boolean tls = v.bool(Setting.TLS);
        String publicUrl = v.text(Setting.PUBLIC_URL);
        if (!publicUrl.isEmpty()) {
            URI uri;
            try {
                uri = URI.create(publicUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Setting 'public-url' is not a URL: " + publicUrl);
            }
            if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException("Setting 'public-url' must be an http(s) URL, got " + publicUrl);
            }
            publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String databaseUrl = v.text(Setting.DATABASE_URL);
        if (databaseUrl.isEmpty()) {
            databaseUrl = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("devicelink");
        }
        boolean localIssuer = v.bool(Setting.LOCAL_ISSUER);
        boolean demoAccounts = localIssuer && v.bool(Setting.DEMO_ACCOUNTS);
        String host = v.text(Setting.HOST);
        boolean trustProxy = v.bool(Setting.TRUST_PROXY);
        if (demoAccounts) {
            exposure(host, trustProxy, publicUrl).ifPresent(way -> {
                throw new IllegalArgumentException("The demo accounts have a published password, so they are only served when "
                        + "this server can be reached from this computer alone, and " + way
                        + ". Set local-issuer.demo-accounts=false to serve it so.");
            });
        }
        String keysFile = v.text(Setting.KEYS_FILE);
        return new ServerConfig(dataDir, host, port, publicUrl, tls, Duration.ofSeconds(v.integer(Setting.HEADER_TIMEOUT, 1, 600)),
                trustProxy,
                databaseUrl, v.text(Setting.DATABASE_USER), v.text(Setting.DATABASE_PASSWORD), v.bool(Setting.DATABASE_POWER_SAFE),
                v.integer(Setting.DATABASE_POOL, 2, 500),
                Duration.ofSeconds(v.integer(Setting.CODE_LIFETIME, 1, 86_400)),
                v.integer(Setting.POLL_INTERVAL, 1, 60),
                Duration.ofSeconds(v.integer(Setting.POLL_WAIT, 0, 25)),
                Duration.ofSeconds(v.integer(Setting.ACCESS_TOKEN_LIFETIME, 10, 86_400)),
                Duration.ofSeconds(v.integer(Setting.REFRESH_TOKEN_LIFETIME, 60, 400 * 86_400)),
                v.integer(Setting.ACCOUNT_FAILURES, 1, 10_000),
                v.integer(Setting.ACCOUNT_DAILY_FAILURES, 1, 100_000),
                v.integer(Setting.ADDRESS_FAILURES, 1, 100_000),
                v.integer(Setting.ADDRESS_DAILY_FAILURES, 1, 1_000_000),
                v.integer(Setting.ALL_ACCOUNTS_HOURLY, 1, 100_000_000),
                v.integer(Setting.IPV4_PREFIX, 8, 32),
                Duration.ofSeconds(v.integer(Setting.LIMIT_WINDOW, 1, 86_400)),
                Duration.ofSeconds(v.integer(Setting.LOCKOUT, 1, 86_400)),
                v.integer(Setting.MAX_DEVICES, 1, 10_000),
                v.integer(Setting.STREAMS_PER_ACCOUNT, 1, 100),
                v.integer(Setting.STREAMS_PER_NODE, 1, 1_000_000),
                v.integer(Setting.CODES_PER_BLOCK, 1, 10_000_000),
                v.integer(Setting.CODES_PER_APP, 1, 100_000_000),
                Duration.ofDays(v.integer(Setting.ACTIVITY_KEEP_DAYS, 1, 3650)),
                localIssuer, demoAccounts,
                Duration.ofSeconds(v.integer(Setting.ISSUER_ACCESS_LIFETIME, 10, 86_400)),
                Duration.ofSeconds(v.integer(Setting.ISSUER_REFRESH_LIFETIME, 60, 400 * 86_400)),
                v.integer(Setting.LOGIN_FAILURES, 1, 1000),
                keysFile.isEmpty() ? null : Path.of(keysFile),
                TrustedIssuer.fromSettings(values),
                v.text(Setting.WEB_AUTHORITY).isEmpty() ? null : new WebProvider(v.text(Setting.WEB_AUTHORITY),
                        v.text(Setting.WEB_CLIENT_ID), v.text(Setting.WEB_CLIENT_SECRET), v.text(Setting.WEB_SCOPE)),
                mail(v),
                v.choice(Setting.LINKING_DEFAULT, LinkingSetting.CHOICES),
                v.text(Setting.MANAGEMENT_HOST),
                v.integer(Setting.MANAGEMENT_PORT, 0, 65535),
                v.bool(Setting.MANAGEMENT_PUBLIC),
                Duration.ofSeconds(v.integer(Setting.SHUTDOWN_DELAY, 0, 300)),
                v.choice(Setting.LOG_FORMAT, List.of("text", "json")),
                v.bool(Setting.LOG_ACCESS));
    }

    private static MailSettings mail(Values v) {
        String security = v.choice(Setting.MAIL_SECURITY, MailSettings.SECURITY);
        String passwordFile = v.text(Setting.MAIL_PASSWORD_FILE);
        return new MailSettings(v.text(Setting.MAIL_HOST), v.integer(Setting.MAIL_PORT, 1, 65535), security, v.text(Setting.MAIL_USER),
                passwordFile.isEmpty() ? null : Path.of(passwordFile), v.text(Setting.MAIL_FROM),
                Duration.ofSeconds(v.integer(Setting.MAIL_RETRY, 1, 3600)));
    }

    /**
     * How the server can be reached from elsewhere than this computer, if it can: a host that is not loopback, a proxy
     * it trusts (which forwards from anywhere), or a public URL on another host.
     */
    static Optional<String> exposure(String host, boolean trustProxy, String publicUrl) {
        if (!LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of("host is " + host);
        }
        if (trustProxy) {
            return Optional.of("trust-proxy is on (a proxy forwards from anywhere)");
        }
        if (!publicUrl.isEmpty() && !LOOPBACK.contains(URI.create(publicUrl).getHost().toLowerCase(Locale.ROOT))) {
            return Optional.of("public-url is " + publicUrl);
        }
        return Optional.empty();
    }

    private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "::1", "[::1]");

    /**
     * Whether the local provider's login gets a plain-HTTP entrance on 127.0.0.1, for the browser: a server on this
     * computer alone has only a self-signed certificate, which no browser trusts. Loopback HTTP is a secure context to
     * every browser (as for RFC 8252's loopback redirect), so the person signs in with no certificate warning.
     */
    public boolean browserEntrance() {
        return localIssuer && tls && exposure(host, trustProxy, publicUrl).isEmpty();
    }

    /** The base URL that devices and people see: the issuer and the prefix of every link the server hands out. */
    public String baseUrl(int boundPort) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        return (tls ? "https" : "http") + "://localhost:" + boundPort;
    }

    private static Map<String, String> readFile(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, val) -> values.put(k.toString().strip(), val.toString().strip()));
        return values;
    }

    private static Optional<String> keyForEnvironmentName(String name, Map<String, String> known) {
        for (Setting s : Setting.values()) {
            if (s.environmentName().equals(name)) {
                return Optional.of(s.key());
            }
        }
        // DEVICELINK_TRUST_ENTRA_JWKS_URI -> trust.entra.jwks-uri
        if (name.startsWith("DEVICELINK_TRUST_")) {
            String rest = name.substring("DEVICELINK_TRUST_".length()).toLowerCase(Locale.ROOT);
            for (String field : TrustedIssuer.FIELDS) {
                String suffix = "_" + field.replace('-', '_');
                if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                    return Optional.of("trust." + rest.substring(0, rest.length() - suffix.length()) + "." + field);
                }
            }
        }
        return Optional.empty();
    }

    private static String firstNonEmpty(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isEmpty()) {
                return c;
            }
        }
        return "";
    }

    private record Values(Map<String, String> values) {
        String text(Setting s) {
            return values.getOrDefault(s.key(), s.defaultValue()).strip();
        }

        int integer(Setting s, int min, int max) {
            String raw = text(s);
            try {
                int value = Integer.parseInt(raw);
                if (value < min || value > max) {
                    throw new IllegalArgumentException("Setting '" + s.key() + "' must be between " + min + " and " + max + ", got " + raw);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Setting '" + s.key() + "' must be a whole number, got '" + raw + "'");
            }
        }

        /** One of {@code allowed}, in any case. */
        String choice(Setting s, List<String> allowed) {
            String value = text(s).toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("Setting '" + s.key() + "' must be one of " + allowed + ", got '" + text(s) + "'");
            }
            return value;
        }

        boolean bool(Setting s) {
            return switch (text(s).toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("Setting '" + s.key() + "' must be true or false, got '" + text(s) + "'");
            };
        }
    }
}
