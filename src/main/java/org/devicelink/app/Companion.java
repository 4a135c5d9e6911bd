package org.devicelink.app;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import org.devicelink.app.activity.ActivityViewModel;
import org.devicelink.app.auth.CurrentSession;
import org.devicelink.app.auth.Session;
import org.devicelink.app.auth.SignIn;
import org.devicelink.app.auth.SignInSettings;
import org.devicelink.app.auth.TokenCaches;
import org.devicelink.app.client.HttpLinkApi;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.app.devices.DevicesViewModel;
import org.devicelink.app.family.FamilyViewModel;
import org.devicelink.app.link.LinkViewModel;
import org.devicelink.app.local.LocalServer;
import org.devicelink.app.settings.AppSettings;
import org.devicelink.app.settings.LinkingViewModel;
import org.devicelink.app.settings.SettingsFile;
import org.devicelink.app.settings.SettingsViewModel;
import org.devicelink.app.signin.SignInViewModel;
import org.devicelink.app.support.SupportViewModel;
import org.devicelink.code.VerificationLink;
import org.devicelink.device.DeviceClient;
import org.devicelink.i18n.Messages;
import org.devicelink.platform.DesktopNotifications;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.scan.ScanSources;
import org.devicelink.tls.PinnedCertificate;
import org.devicelink.wording.LinkWording;

/**
 * The composition root of the companion: builds its services and view models for one server, by hand, and hands
 * them to the screens. Nothing else constructs them.
 *
 * @param server      the link server and how to trust it
 * @param scanSources the cameras and the screen to scan QR codes from (video files and pictures in tests)
 */
public record Companion(Server server, UiExecutor executor, SignInViewModel signIn, LinkViewModel link, DevicesViewModel devices,
                        FamilyViewModel family, ActivityViewModel activity, SupportViewModel support, SettingsViewModel settings,
                        LinkingViewModel linking, ScanSources scanSources) {

    /**
     * @param url         e.g. {@code https://localhost:8443}
     * @param certificate the one certificate to trust for it, or null for the system's trust store
     * @param local       whether it runs inside this app (the embedded default)
     */
    public record Server(String url, Path certificate, boolean local) {}

    /** What the companion is given by whoever starts it: where things are, how to open a browser, how to scan. */
    public record Environment(Path dataDir, OpenBrowserAction browser, Duration signInTimeout, ScanSources scanSources,
                              SettingsFile settingsFile, Consumer<String> applyTheme, UiExecutor executor) {}

    public static Companion create(Server server, SignInSettings signInSettings, Environment environment) throws IOException {
        var executor = environment.executor();
        var signInService = new SignIn(signInSettings, TokenCaches.forDirectory(environment.dataDir().resolve("companion")),
                Clock.systemUTC());
        var session = new CurrentSession(signInService);
        var signIn = new SignInViewModel(signInService, session, environment.browser(), environment.signInTimeout(), executor);
        var api = new HttpLinkApi(URI.create(server.url()), server.certificate() == null ? null
                : PinnedCertificate.trusting(server.certificate()),
                session::accessToken);
        var link = new LinkViewModel(api, new VerificationLink(URI.create(server.url() + "/link")), executor, Clock.systemUTC());
        link.accountProperty().bind(Bindings.createStringBinding(() -> {
            Session signedIn = signIn.sessionProperty().get();
            return signedIn == null ? "" : Messages.get("confirm.accountName", signedIn.displayName(), signedIn.username());
        }, signIn.sessionProperty()));
        var devices = new DevicesViewModel(api, executor);
        link.onLinked(device -> devices.refresh());
        var family = new FamilyViewModel(api, executor, Clock.systemUTC());
        // a child's request reaches a parent whose companion is in the background too: the OS's own notice, where it has one
        DesktopNotifications.forThisSystem(System.getenv(), System.getProperty("os.name")).ifPresent(notifier -> family.onArrival(request ->
                notifier.show(Messages.get("notice.request.title"), Messages.get("requests.asks", request.childName(),
                        LinkWording.shownName(request)))));
        family.onChange(devices::refresh); // a device linked, renamed or unlinked elsewhere
        family.onChange(link::checkWaiting); // a child's request, decided by a parent
        family.onLinked(device -> devices.refresh());
        var activity = new ActivityViewModel(api, executor);
        family.onChange(activity::refresh);
        family.parentProperty().addListener((o, was, parent) -> {
            devices.familyProperty().set(parent);
            devices.refresh();
            activity.familyProperty().set(parent);
            activity.refresh();
        });
        // whose a device may become: a parent's family, or no choice at all
        Runnable offerOwners = () -> link.owners().setAll(family.parentProperty().get() ? family.members() : List.of());
        family.members().addListener((ListChangeListener<FamilyMember>) c -> offerOwners.run());
        family.parentProperty().addListener((o, was, parent) -> offerOwners.run());
        var support = new SupportViewModel(api, executor);
        var linking = new LinkingViewModel(api, executor);
        signIn.sessionProperty().addListener((o, old, now) -> {
            if (now == null || old == null || !old.accountId().equals(now.accountId())) {
                family.follow(now != null);
                support.signedIn(now != null);
                linking.signedIn(now != null);
            }
        });
        family.follow(signIn.sessionProperty().get() != null);
        support.signedIn(signIn.sessionProperty().get() != null);
        linking.signedIn(signIn.sessionProperty().get() != null);
        AppSettings current = environment.settingsFile().load();
        var settings = new SettingsViewModel(current, environment.settingsFile(), executor, environment.applyTheme(),
                server.local() ? LocalServer.outbox(environment.dataDir()) : null, folder -> {
                    try {
                        environment.browser().openBrowser(folder.toURL());
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e); // a file path is always a URL
                    }
                });
        return new Companion(server, executor, signIn, link, devices, family, activity, support, settings, linking,
                environment.scanSources());
    }

    /** A device kit client for the demo device, against the same server and trust. */
    public DeviceClient demoDeviceClient() throws IOException {
        return new DeviceClient(URI.create(server.url()), "demo-console",
                server.certificate() == null ? null : PinnedCertificate.trusting(server.certificate()));
    }
}
