package org.devicelink.testing;

import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.ScriptedBrowser;

/** Steps the approval page's tests share: a browser following redirects, a device waiting for its answer. */
public final class WebFlows {

    private WebFlows() {}

    /** Follows redirects as a browser does, up to 5, to the page they end on. */
    public static ScriptedBrowser.Page follow(ScriptedBrowser with, ScriptedBrowser.Page redirect) {
        var page = redirect;
        for (int hops = 0; hops < 5 && page.status() / 100 == 3; hops++) {
            page = with.open(page.uri().resolve(page.raw().headers().firstValue("Location").orElseThrow()));
        }
        return page;
    }

    /** The device's tokens once its code is approved (run it beside the approval). */
    public static DeviceClient.Tokens tokens(DeviceClient device, DeviceAuthorization code) {
        try {
            return device.awaitApproval(code, new DeviceClient.Listener() {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The error the device is refused with ("linked" if it was not). */
    public static String refusal(DeviceClient device, DeviceAuthorization code) throws Exception {
        try {
            device.awaitApproval(code, new DeviceClient.Listener() {});
            return "linked";
        } catch (DeviceClient.Refused refused) {
            return refused.error();
        }
    }
}
