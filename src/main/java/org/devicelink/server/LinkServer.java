package org.devicelink.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.devicelink.code.VerificationLink;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.accounts.ApiAccounts;
import org.devicelink.server.accounts.BearerTokens;
import org.devicelink.server.devices.DeviceRoutes;
import org.devicelink.server.devices.LinkedDevices;
import org.devicelink.server.issuer.LocalIssuer;
import org.devicelink.server.links.AttemptLimiter;
import org.devicelink.server.links.LinkRoutes;
import org.devicelink.server.links.PendingLinks;
import org.devicelink.server.oauth.AccessTokens;
import org.devicelink.server.oauth.DeviceApps;
import org.devicelink.server.oauth.DeviceAuthorizations;
import org.devicelink.server.oauth.DeviceTokens;
import org.devicelink.server.oauth.OAuthRoutes;
import org.devicelink.server.oauth.Revocations;
import org.devicelink.server.oauth.SigningKeys;
import org.devicelink.server.oauth.TokenGrants;
import org.devicelink.server.store.AttemptCounters;
import org.devicelink.server.store.Database;
import org.devicelink.server.store.Housekeeping;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.ServerSecrets;
import org.devicelink.server.store.Sql;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.LoggerFactory;

/**
 * The link server: the composition root that builds every part from the settings and serves them over HTTPS
 * (or plain HTTP behind a TLS proxy). Nodes are stateless; all state is in the database.
 */
public final class LinkServer implements AutoCloseable {

    /** Bodies beyond this are refused with 413 before they are parsed: no call of ours needs more. */
    static final long MAX_REQUEST_BYTES = 16 * 1024;

    private final ServerConfig config;
    private final Database database;
    private final Javalin http;
    private final java.util.concurrent.ScheduledExecutorService chores =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("housekeeping").factory());
    private final String baseUrl;
    private final Path certificateFile;

    private LinkServer(ServerConfig config, Clock clock) {
        this.config = config;
        int port = config.port() == 0 ? freePort(config.host()) : config.port();
        this.baseUrl = config.baseUrl(port);
        Tls tls = config.tls() ? Tls.forDataDir(config.dataDir()) : null;
        this.certificateFile = tls == null ? null : tls.certificateFile();
        this.database = new Database(config.databaseUrl(), config.databaseUser(), config.databasePassword(), config.databasePool());
        try {
            this.http = createHttp(config, clock, tls, port);
            http.start();
            var housekeeping = new Housekeeping(database.sql(), clock);
            chores.scheduleWithFixedDelay(() -> {
                try {
                    housekeeping.run();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(LinkServer.class).warn("Housekeeping failed; it will try again in an hour", e);
                }
            }, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static LinkServer start(ServerConfig config) {
        return new LinkServer(config, Clock.systemUTC());
    }

    /** With a clock of the caller's: tests move time instead of sleeping. */
    public static LinkServer start(ServerConfig config, Clock clock) {
        return new LinkServer(config, clock);
    }

    private Javalin createHttp(ServerConfig config, Clock clock, Tls tls, int port) {
        var random = new SecureRandom();
        Sql sql = database.sql();
        var secrets = new ServerSecrets(sql, clock);
        var hash = new KeyedHash(java.util.Base64.getDecoder().decode(secrets.getOrCreate("code-hmac-key", () -> {
            var key = new byte[32];
            random.nextBytes(key);
            return java.util.Base64.getEncoder().encodeToString(key);
        })));
        var pendingLinks = new PendingLinkStore(sql);
        var linkedDevices = new LinkedDeviceStore(sql);
        var apps = new DeviceApps(sql);
        var signingKeys = new SigningKeys(secrets);
        var accessTokens = new AccessTokens(signingKeys, baseUrl, config.accessTokenLifetime(), clock);
        var deviceTokens = new DeviceTokens(accessTokens, linkedDevices, hash, config.refreshTokenLifetime(), clock, random);
        var verificationLink = new VerificationLink(URI.create(baseUrl + VerificationPage.PATH));
        var clientAddress = new ClientAddress(config.trustProxy());
        var oauth = new OAuthRoutes(
                new DeviceAuthorizations(apps, pendingLinks, hash, verificationLink, config.codeLifetime(), config.pollInterval(), clock, random),
                new TokenGrants(sql, pendingLinks, linkedDevices, deviceTokens, hash, clock),
                new Revocations(linkedDevices, hash, clock),
                signingKeys, apps, baseUrl, clientAddress);
        var attempts = new AttemptCounters(sql, clock, config.limitWindow(), config.lockout());
        var limiter = new AttemptLimiter(attempts, config.accountFailures(), config.addressFailures());
        var links = new LinkRoutes(new PendingLinks(sql, pendingLinks, linkedDevices, apps, limiter, hash, clock,
                config.maxDevicesPerAccount()), clientAddress);
        var devices = new DeviceRoutes(new LinkedDevices(linkedDevices, clock));
        var bearerTokens = new BearerTokens(config.trustedIssuers(), new Accounts(sql, clock));
        var page = new VerificationPage();
        LocalIssuer localIssuer = null;
        if (config.localIssuer()) {
            localIssuer = new LocalIssuer(baseUrl, new LocalIssuer.Settings(config.issuerAccessLifetime(), config.issuerRefreshLifetime(),
                    config.loginFailures(), config.addressFailures(), config.demoAccounts()),
                    sql, secrets, hash, attempts, clientAddress, clock, random);
            bearerTokens.trust(localIssuer.trustedIssuer(), localIssuer.publicKeys());
        }
        LocalIssuer issuer = localIssuer;

        return Javalin.create(javalin -> {
            javalin.concurrency.useVirtualThreads = true;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            javalin.jetty.addConnector((server, httpConfig) -> {
                ServerConnector connector;
                if (tls != null) {
                    var ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(tls.keyStore());
                    ssl.setKeyStorePassword(new String(tls.keyStorePassword()));
                    var https = new HttpConfiguration(httpConfig);
                    // devices reach the server by LAN address as often as by name: no SNI host check
                    https.addCustomizer(new SecureRequestCustomizer(false));
                    connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                            new HttpConnectionFactory(https));
                } else {
                    connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                }
                connector.setHost(config.host());
                connector.setPort(port);
                return connector;
            });
            HttpErrors.register(javalin.routes);
            ApiAccounts.register(javalin.routes, bearerTokens);
            oauth.register(javalin.routes);
            links.register(javalin.routes);
            devices.register(javalin.routes);
            page.register(javalin.routes);
            if (issuer != null) {
                issuer.register(javalin.routes);
            }
        });
    }

    /** The URL everything is served under, e.g. {@code https://localhost:8443}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The certificate clients on this machine should trust; null when serving plain HTTP. */
    public Path certificateFile() {
        return certificateFile;
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public void close() {
        chores.shutdownNow();
        http.stop();
        database.close();
    }

    private static int freePort(String host) {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
