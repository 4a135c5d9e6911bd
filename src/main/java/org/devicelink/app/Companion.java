package org.devicelink.app;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.devicelink.app.auth.SignIn;
import org.devicelink.app.auth.SignInSettings;
import org.devicelink.app.auth.TokenCaches;
import org.devicelink.app.client.LinkApi;
import org.devicelink.app.devices.DevicesViewModel;
import org.devicelink.app.link.LinkViewModel;
import org.devicelink.app.scan.ScanSources;
import org.devicelink.app.signin.SignInViewModel;
import org.devicelink.code.VerificationLink;
import org.devicelink.device.DeviceClient;

/**
 * The composition root of the companion: builds its services and view models for one server, by hand, and hands
 * them to the screens. Nothing else constructs them.
 *
 * @param serverUrl   the link server, e.g. {@code https://localhost:8443}
 * @param certificate the one certificate to trust for it, or null for the system's trust store
 * @param local       whether that server runs inside this app (the embedded default)
 * @param scanSources the cameras and the screen to scan QR codes from (video files and pictures in tests)
 */
public record Companion(String serverUrl, Path certificate, boolean local, SignInViewModel signIn, LinkViewModel link,
                        DevicesViewModel devices, ScanSources scanSources) {

    public static Companion create(String serverUrl, Path certificate, boolean local, SignInSettings signInSettings,
                                   OpenBrowserAction browser, Path cacheDir, Duration signInTimeout,
                                   ScanSources scanSources) throws IOException {
        var signIn = new SignInViewModel(new SignIn(signInSettings, TokenCaches.forDirectory(cacheDir), Clock.systemUTC()),
                browser, signInTimeout);
        var api = new LinkApi(URI.create(serverUrl), certificate == null ? null : DeviceClient.trusting(certificate), signIn);
        var link = new LinkViewModel(api, new VerificationLink(URI.create(serverUrl + "/link")));
        var devices = new DevicesViewModel(api);
        link.onLinked(device -> devices.refresh());
        return new Companion(serverUrl, certificate, local, signIn, link, devices, scanSources);
    }

    /** A device kit client for the demo device, against the same server and trust. */
    public DeviceClient demoDeviceClient() throws IOException {
        return new DeviceClient(URI.create(serverUrl), "demo-console", certificate == null ? null : DeviceClient.trusting(certificate));
    }
}
