package org.devicelink.server;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.devicelink.code.VerificationLink;
import org.devicelink.platform.OwnerOnly;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.server.accounts.AccountChanges;
import org.devicelink.server.accounts.AccountRoutes;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.accounts.BearerTokens;
import org.devicelink.server.accounts.ChangeStream;
import org.devicelink.server.activity.AccountActivity;
import org.devicelink.server.activity.ActivityLog;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.activity.ActivityRoutes;
import org.devicelink.server.devices.DevicePolicies;
import org.devicelink.server.devices.DeviceRoutes;
import org.devicelink.server.devices.LinkedDevices;
import org.devicelink.server.http.ClientAddress;
import org.devicelink.server.http.Headers;
import org.devicelink.server.http.HttpErrors;
import org.devicelink.server.http.JettyErrors;
import org.devicelink.server.http.Languages;
import org.devicelink.server.http.Pages;
import org.devicelink.server.http.Requests;
import org.devicelink.server.http.Tls;
import org.devicelink.server.issuer.IssuerRoutes;
import org.devicelink.server.issuer.LocalIssuer;
import org.devicelink.server.issuer.LocalUsers;
import org.devicelink.server.limits.AddressBlocks;
import org.devicelink.server.limits.AttemptLimiter;
import org.devicelink.server.limits.CodeIssuance;
import org.devicelink.server.links.CodeAttempts;
import org.devicelink.server.links.CodeLimits;
import org.devicelink.server.links.FamilyRequests;
import org.devicelink.server.links.LinkRoutes;
import org.devicelink.server.links.PendingLinks;
import org.devicelink.server.mail.Delivery;
import org.devicelink.server.mail.Outbox;
import org.devicelink.server.management.ManagementRoutes;
import org.devicelink.server.management.Metrics;
import org.devicelink.server.management.Readiness;
import org.devicelink.server.notices.Notices;
import org.devicelink.server.notices.UnwantedLinks;
import org.devicelink.server.notify.ApprovalNotifier;
import org.devicelink.server.notify.InProcessNotifier;
import org.devicelink.server.notify.PostgresNotifier;
import org.devicelink.server.oauth.AccessTokens;
import org.devicelink.server.oauth.DeviceAuthorizations;
import org.devicelink.server.oauth.DeviceTokens;
import org.devicelink.server.oauth.HeldPolls;
import org.devicelink.server.oauth.OAuthRoutes;
import org.devicelink.server.oauth.PendingPolls;
import org.devicelink.server.oauth.Revocations;
import org.devicelink.server.oauth.TokenGrants;
import org.devicelink.server.store.AccountStore;
import org.devicelink.server.store.ActivityStore;
import org.devicelink.server.store.AttemptCounters;
import org.devicelink.server.store.Database;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.server.store.Housekeeping;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.LocalUserStore;
import org.devicelink.server.store.OutboxStore;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.ServerSecrets;
import org.devicelink.server.store.Sql;
import org.devicelink.server.store.SupportStore;
import org.devicelink.server.store.UnwantedLinkStore;
import org.devicelink.server.store.WebSessionStore;
import org.devicelink.server.support.SupportDesk;
import org.devicelink.server.support.SupportRoutes;
import org.devicelink.server.tokens.SigningKey;
import org.devicelink.server.tokens.TokenRotation;
import org.devicelink.server.web.ApprovalRoutes;
import org.devicelink.server.web.BrowserEntrance;
import org.devicelink.server.web.WebSessions;
import org.devicelink.server.web.WebSignIn;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.LoggerFactory;

/**
 * The link server's composition root: builds every part from the settings, in one place, and serves them over HTTPS
 * (or plain HTTP behind a TLS proxy). Nodes are stateless; all state is in the database.
 */
public final class LinkServer implements AutoCloseable {

    /** A body slower than this (a byte every few seconds) is cut off: it holds a connection for nothing. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 64;

    private final ServerConfig config;
    private final Database database;
    private final Javalin http;
    private final Chores chores = new Chores();
    private final String baseUrl;
    private final Path certificateFile;
    /** How long a stopping node waits for the answers it is writing. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private final List<AutoCloseable> parts = new ArrayList<>();
    private PendingPolls polls;
    private HeldPolls held;
    private ApprovalNotifier notifier;
    private ChangeStream changeStream;
    private final Listeners listeners;
    private final String browserBase;
    private final Metrics metrics;
    private final Readiness readiness;

    private LinkServer(ServerConfig config, Clock clock) {
        this.config = config;
        OwnerOnly.folderOrFail(config.dataDir()); // it holds keys and sign-ins: checked and tightened at every start
        Tls tls = config.tls() ? Tls.forDataDir(config.dataDir()) : null;
        this.certificateFile = tls == null ? null : tls.certificateFile();
        this.database = new Database(config.databaseUrl(), config.databaseUser(), config.databasePassword(), config.databasePool(),
                config.databasePowerSafe());
        OwnerOnly.folderOrFail(config.dataDir()); // the database's own files, made just now
        this.metrics = new Metrics(config.accessLog());
        database.instrument(metrics.registry(), metrics::durableWait);
        try {
            this.listeners = own(new Listeners(config));
            this.baseUrl = listeners.baseUrl();
            this.browserBase = listeners.browserBase();
            this.readiness = new Readiness(database.sql(), () -> notifier.tracking());
            this.http = Javalin.create(javalin -> {
                javalin.concurrency.useVirtualThreads = true;
                javalin.http.maxRequestSize = Requests.MAX_BODY_BYTES;
                // Javalin copies each answer through a new buffer of this size (32 KB by default): our answers are small
                javalin.http.responseBufferSize = 4096;
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.jsonMapper(new JavalinJackson(ProtocolJson.MAPPER, true));
                javalin.fileRenderer(new Pages());
                listeners.connect(javalin, tls);
                javalin.requestLogger.http(metrics::answered);
                boolean overTls = tls != null || baseUrl.startsWith("https:");
                javalin.routes.before(ctx -> {
                    Languages.speak(ctx); // first: whatever refuses this request says so in its language
                    boolean entrance = listeners.entrance(ctx);
                    if (entrance) {
                        BrowserEntrance.admit(ctx, URI.create(browserBase).getRawAuthority());
                    }
                    database.sql().takeWrote(); // a fresh request has written nothing yet
                    Headers.everyAnswer(ctx, overTls && !entrance);
                    Requests.checkCharset(ctx);
                });
                // nothing is answered before what it wrote is on disk
                javalin.routes.after(ctx -> {
                    Languages.forget();
                    database.awaitDurable();
                });
                javalin.jetty.modifyServer(server -> {
                    server.setErrorHandler(new JettyErrors());
                    // a node that stops finishes what it is answering (its held polls, released first) before it closes
                    server.insertHandler(new GracefulHandler());
                    server.setStopTimeout(STOP_GRACE.toMillis());
                });
                javalin.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND));
                HttpErrors.register(javalin.routes, Sql::unavailable);
                routes(javalin.routes, clock);
            });
            http.start();
            var housekeeping = new Housekeeping(database.sql(), clock, config.activityKept());
            chores.every(60, "Housekeeping failed; it will try again in an hour", () -> {
                housekeeping.run();
                OwnerOnly.folderOrFail(config.dataDir()); // files the database made since
            });
        } catch (RuntimeException e) {
            chores.close();
            closeParts();
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

    /** Every part, built from the settings and the database, and the routes that serve them. */
    private void routes(RoutesConfig routes, Clock clock) {
        var random = new SecureRandom();
        Sql sql = database.sql();
        var secrets = new ServerSecrets(sql, clock, config.keysFile());
        var hash = new KeyedHash(Base64.getDecoder().decode(secrets.getOrCreate("code-hmac-key", () -> {
            var key = new byte[32];
            random.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        })));
        var pendingLinks = new PendingLinkStore(sql);
        var linkedDevices = new LinkedDeviceStore(sql);
        var apps = new DeviceAppStore(sql);
        var userStore = new LocalUserStore(sql);
        var users = new LocalUsers(userStore, clock, random);
        if (config.demoAccounts()) {
            DemoData.seed(apps, users);
        } else {
            DemoData.remove(apps, userStore);
        }
        var activityStore = new ActivityStore(sql);
        ActivityRecorder activity = metrics.counting(new ActivityLog(activityStore, clock));
        notifier = own(database.postgres() ? PostgresNotifier.start(sql, database::openDedicated)
                : new InProcessNotifier(sql));
        var rotation = new TokenRotation(sql);
        var limiter = new AttemptLimiter(sql, new AttemptCounters(sql, clock), config.lockout());
        var blocks = new AddressBlocks(config.ipv4Prefix());
        var clientAddress = new ClientAddress(config.trustProxy());
        var issuance = new CodeIssuance(new CodeIssuance.Limits(config.codesPerBlock(), config.codesPerApp(), config.codeLifetime()),
                blocks,
                limiter, clock);

        var deviceKey = SigningKey.shared(secrets, "device-token-signing-key");
        var deviceTokens = new DeviceTokens(new AccessTokens(deviceKey, baseUrl, config.accessTokenLifetime(), clock), linkedDevices,
                hash, config.refreshTokenLifetime(), clock, random);
        var verificationLink = new VerificationLink(URI.create(baseUrl + ApprovalRoutes.PATH));
        polls = new PendingPolls(notifier, PendingPolls.defaultMaxEntries(), clock);
        held = own(new HeldPolls(notifier, config.pollWait()));
        metrics.gauge("devicelink.codes.waiting", "Pending codes this node remembers", polls::size);
        metrics.gauge("devicelink.held.polls", "Token polls this node holds open", held::holding);
        var oauth = new OAuthRoutes(
                new DeviceAuthorizations(apps, pendingLinks, polls, issuance, hash, verificationLink, config.codeLifetime(),
                        config.pollInterval(), clock, random),
                new TokenGrants(sql, pendingLinks, linkedDevices, deviceTokens, rotation, activity, hash, polls, clock),
                new Revocations(sql, linkedDevices, activity, hash, clock), held, deviceKey, baseUrl, clientAddress);
        oauth.register(routes);
        chores.every(1, "Could not rebuild the OAuth metadata; serving the last", () -> {
            issuance.forgetPast();
            polls.forgetExpired();
            oauth.refreshMetadata();
        });

        var accounts = new Accounts(new AccountStore(sql), config.linkingDefault(), clock);
        var delivery = own(Delivery.start(new OutboxStore(sql), config.mail(), config.dataDir(), !database.postgres(), clock));
        // links in emails open the page where this computer's browser trusts it (the entrance), else at the public address
        var unwanted = new UnwantedLinks(new UnwantedLinkStore(sql), hash, clock);
        var notices = new Notices(new Outbox(sql, new OutboxStore(sql), config.mail().from(), URI.create(baseUrl).getHost(), clock,
                delivery::nudge), accounts, unwanted, browserBase, clock);
        var bearerTokens = new BearerTokens(config.trustedIssuers(), accounts, clock);
        LocalIssuer issuer = null;
        if (config.localIssuer()) {
            issuer = own(new LocalIssuer(baseUrl, browserBase, Set.copyOf(List.of(baseUrl + ApprovalRoutes.CALLBACK, browserBase
                    + ApprovalRoutes.CALLBACK)),
                    new LocalIssuer.Settings(config.issuerAccessLifetime(), config.issuerRefreshLifetime(),
                    config.loginFailures(), config.addressFailures(), config.limitWindow(), config.demoAccounts()),
                    sql, users, secrets, hash, rotation, limiter, blocks, clientAddress, clock, random));
            bearerTokens.trust(issuer.trustedIssuer(), issuer.publicKeys(), issuer::signedIn);
            new IssuerRoutes(issuer).register(routes);
        }
        var changes = new AccountChanges(notifier);
        changeStream = own(new ChangeStream(changes, bearerTokens::stillSignedIn,
                new ChangeStream.Limits(config.streamsPerAccount(), config.streamsPerNode())));
        new AccountRoutes(bearerTokens, changeStream, accounts).register(routes);
        metrics.gauge("devicelink.event.streams", "Live-update streams this node holds open", changeStream::openStreams);
        new ManagementRoutes(readiness, metrics, listeners::management, config.managementPublic()).register(routes);
        var codeLimits = new CodeLimits(config.accountFailures(), config.accountDailyFailures(), config.addressFailures(),
                config.addressDailyFailures(), config.allAccountsHourly(), config.limitWindow());
        var policies = new DevicePolicies(accounts, linkedDevices, apps, activity, config.maxDevicesPerAccount());
        var links = new PendingLinks(sql, accounts, pendingLinks, policies, new CodeAttempts(limiter, blocks, codeLimits), issuance,
                activity, notifier, changes, hash, notices, clock);
        var family = new FamilyRequests(links, pendingLinks, accounts, clock);
        new LinkRoutes(links, family, clientAddress).register(routes);
        var devices = new LinkedDevices(sql, accounts, linkedDevices, activity, changes, notices, unwanted, clock);
        new DeviceRoutes(devices).register(routes);
        new SupportRoutes(new SupportDesk(sql, new SupportStore(sql), apps, linkedDevices, activity, hash, clock)).register(routes);
        new ActivityRoutes(new AccountActivity(activityStore, accounts)).register(routes);
        // the approval page signs people in with the configured provider, else the local one; with neither, it sends them to the app
        WebSignIn.Provider provider = config.webProvider() != null
                ? WebSignIn.Provider.discovered(config.webProvider(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build())
                : issuer != null ? WebSignIn.Provider.local(issuer) : null;
        if (provider != null) {
            var sessions = new WebSessions(new WebSessionStore(sql), bearerTokens::stillSignedIn, hash, clock, random);
            new ApprovalRoutes(links, family, unwanted, devices, sessions, new WebSignIn(provider, bearerTokens, hash, clock, random),
                    clientAddress, listeners::originOf, clock).register(routes);
        } else {
            ApprovalRoutes.appOnly(routes);
        }
    }

    /** A stopping node's drain time (shutdown.delay): it keeps serving while load balancers stop sending it requests. */
    private static void drain(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A part closed with the server, in the order it was made. */
    private <T extends AutoCloseable> T own(T part) {
        parts.add(part);
        return part;
    }

    /** The URL everything is served under, e.g. {@code https://localhost:8443}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The login's loopback HTTP entrance for browsers, or 0 when it has none ({@link ServerConfig#browserEntrance}). */
    public int browserPort() {
        return listeners.browserPort();
    }

    /** The port this node listens on (behind a proxy, not the one in {@link #baseUrl}). */
    public int port() {
        return listeners.port();
    }

    /** The management port: health and metrics ({@link ManagementRoutes}). */
    public int managementPort() {
        return listeners.managementPort();
    }

    /** The certificate clients on this machine should trust; null when serving plain HTTP. */
    public Path certificateFile() {
        return certificateFile;
    }

    public ServerConfig config() {
        return config;
    }

    /** What this node holds in memory for devices now (for tests and the load tool's figures). */
    public Load load() {
        return new Load(held.holding(), polls.size());
    }

    /** How many polls this node holds and how many pending codes it remembers: what a node's memory carries. */
    public record Load(int heldPolls, int rememberedCodes) {}

    /** Every endpoint this node serves, as {@code GET /link}: the README's map is checked against it. */
    public List<String> endpoints() {
        return http.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod()).map(endpoint -> endpoint.method.name() + " "
                + endpoint.path).sorted().toList();
    }

    /** How many live-update streams this node holds open. */
    public int openStreams() {
        return changeStream.openStreams();
    }

    /** The database, for tests that look at what is stored. */
    public Sql sql() {
        return database.sql();
    }

    @Override
    public void close() {
        readiness.stopping(); // load balancers hear it first, and have the drain time to send no more
        drain(config.shutdownDelay());
        chores.close();
        if (held != null) {
            held.releaseAll(); // answered while the database is still there; the devices poll again, elsewhere
        }
        if (changeStream != null) {
            changeStream.endStreams(); // the companions open them again, elsewhere
        }
        http.stop();
        closeParts();
        database.close();
    }

    private void closeParts() {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(LinkServer.class).warn("Could not stop {} cleanly", part, e);
            }
        }
    }
}
