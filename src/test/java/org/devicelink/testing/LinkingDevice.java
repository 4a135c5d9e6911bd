package org.devicelink.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.DeviceAuthorization;

/**
 * A device kit linking in the background, as a console does while its screen shows the code: the code it shows, and
 * its tokens once a person has approved it.
 */
public record LinkingDevice(CompletableFuture<DeviceAuthorization> shown, CompletableFuture<DeviceClient.Tokens> linked) {

    public static LinkingDevice start(DeviceClient device, String name, String model) {
        var shown = new CompletableFuture<DeviceAuthorization>();
        var linked = CompletableFuture.supplyAsync(() -> {
            try {
                return device.link(name, model, null, new DeviceClient.Listener() {
                    @Override
                    public void onCode(DeviceAuthorization code) {
                        shown.complete(code);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        return new LinkingDevice(shown, linked);
    }

    /** The code the device shows, once it has one (within 10 s). */
    public DeviceAuthorization code() throws Exception {
        return shown.get(10, TimeUnit.SECONDS);
    }
}
