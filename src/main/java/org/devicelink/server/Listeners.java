package org.devicelink.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.devicelink.server.http.HeaderDeadline;
import org.devicelink.server.http.Listener;
import org.devicelink.server.http.Tls;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Where a node listens, each socket bound before anything is built: its public port (HTTPS, or HTTP behind a TLS
 * proxy), the plain-HTTP loopback entrance browsers sign in through on the embedded default, and the management port
 * (health and metrics, loopback by default). Slow senders are cut off on every one alike.
 */
final class Listeners implements AutoCloseable {

    private static final String BROWSER_HOST = "127.0.0.1";

    private final ServerConfig config;
    private final Listener main;
    /** The login's plain-HTTP entrance on loopback (see {@link ServerConfig#browserEntrance}), or null. */
    private final Listener browser;
    private final Listener management;
    private final String baseUrl;
    /** Where a browser opens the login page: that entrance, or the server itself. */
    private final String browserBase;
    /** Short timers of the HTTP layer (header deadlines), apart from the chores so a long sweep never delays them. */
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("http-timers").daemon().factory());

    Listeners(ServerConfig config) {
        this.config = config;
        this.main = Listener.bind(config.host(), config.port());
        try {
            this.baseUrl = config.baseUrl(main.port());
            this.browser = config.browserEntrance() ? Listener.bind(BROWSER_HOST, 0) : null;
            this.browserBase = browser == null ? baseUrl : "http://" + BROWSER_HOST + ":" + browser.port();
            this.management = Listener.bind(config.managementHost(), config.managementPort());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Jetty's connectors on the bound sockets: the public one with TLS when there is a certificate. */
    void connect(JavalinConfig javalin, Tls tls) {
        javalin.jetty.addConnector((server, httpConfig) -> deadline(tls != null ? tls.connector(server, httpConfig, main)
                : Tls.plainConnector(server, httpConfig, main)));
        if (browser != null) {
            javalin.jetty.addConnector((server, httpConfig) -> deadline(Tls.plainConnector(server, httpConfig, browser)));
        }
        javalin.jetty.addConnector((server, httpConfig) -> deadline(Tls.plainConnector(server, httpConfig, management)));
    }

    private ServerConnector deadline(ServerConnector connector) {
        connector.addEventListener(new HeaderDeadline(config.headerTimeout(), timers));
        return connector;
    }

    /** Whether this request came in through the browsers' loopback entrance. */
    boolean entrance(Context ctx) {
        return browser != null && ctx.req().getLocalPort() == browser.port();
    }

    /** Whether this request came in on the management port. */
    boolean management(Context ctx) {
        return ctx.req().getLocalPort() == management.port();
    }

    /** Where this request came in: the loopback browser entrance, or the server's own address. */
    String originOf(Context ctx) {
        return entrance(ctx) ? browserBase : baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    String browserBase() {
        return browserBase;
    }

    int port() {
        return main.port();
    }

    int browserPort() {
        return browser == null ? 0 : browser.port();
    }

    int managementPort() {
        return management.port();
    }

    /** Lets the sockets go (the server's stop closes them too) and stops the timers. */
    @Override
    public void close() {
        timers.shutdownNow();
        for (Listener listener : new Listener[] {main, browser, management}) {
            if (listener != null) {
                listener.close();
            }
        }
    }
}
