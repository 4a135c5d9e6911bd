package org.devicelink.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.devicelink.app.client.ApiFailure;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.testing.FakeLinkApi;
import org.devicelink.testing.TestExecutors;
import org.junit.jupiter.api.Test;

/** The devices table's view model on the calling thread: no window, no server. */
class DevicesViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    final FakeLinkApi api = new FakeLinkApi();
    final TestExecutors.Held held = new TestExecutors.Held();
    final DevicesViewModel model = new DevicesViewModel(api, held.executor);

    static LinkedDevice device(String id, String name, String model, String app, DeviceStatus status) {
        return new LinkedDevice(id, name, model, "client-" + app, app, NOW, null, status, "a-1", "Alex Morgan");
    }

    static final LinkedDevice KITCHEN = device("1", "Kitchen TV", "Frame 55", "Demo TV", DeviceStatus.ACTIVE);
    static final LinkedDevice CONSOLE = device("2", "Living room console", "Series S", "Demo Console", DeviceStatus.ACTIVE);
    static final LinkedDevice OLD = device("3", "Old tablet", "Tab 3", "Demo TV", DeviceStatus.UNLINKED);

    void loaded() {
        api.devices = () -> List.of(KITCHEN, CONSOLE, OLD);
        model.refresh();
        held.finish();
    }

    @Test
    void activeDevicesShowAndTheFilterFindsNamesModelsAndAppsInAnyCase() {
        loaded();
        assertThat(model.shown()).containsExactly(KITCHEN, CONSOLE);
        model.filterProperty().set("CONSOLE");
        assertThat(model.shown()).containsExactly(CONSOLE);
        model.filterProperty().set("frame");
        assertThat(model.shown()).containsExactly(KITCHEN);
        model.filterProperty().set("demo tv");
        assertThat(model.shown()).containsExactly(KITCHEN);
        model.showEndedProperty().set(true);
        assertThat(model.shown()).containsExactly(KITCHEN, OLD);
        model.filterProperty().set("  ");
        assertThat(model.shown()).containsExactly(KITCHEN, CONSOLE, OLD);
    }

    @Test
    void renamingAsksTheServerAndSaysWhatHappened() {
        loaded();
        var renamed = device("1", "Bedroom TV", "Frame 55", "Demo TV", DeviceStatus.ACTIVE);
        api.rename = () -> renamed;
        model.rename(KITCHEN, "  Bedroom TV ");
        assertThat(model.busyProperty().get()).isTrue();
        held.finish();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(api.calls).containsExactly("devices", "rename 1 Bedroom TV");
        assertThat(model.all()).contains(renamed).doesNotContain(KITCHEN);
        assertThat(model.statusProperty().get()).isEqualTo("Kitchen TV is now called Bedroom TV.");
    }

    @Test
    void aRenameToNothingOrTheSameNameAsksNobody() {
        loaded();
        model.rename(KITCHEN, "   ");
        model.rename(KITCHEN, "Kitchen TV");
        held.finish();
        assertThat(api.calls).containsExactly("devices");
        assertThat(model.all()).contains(KITCHEN);
    }

    @Test
    void aRefusedRenamePutsTheOldNameBackAndSaysWhy() {
        loaded();
        api.rename = () -> { throw FakeLinkApi.problem(ProblemType.DEVICE_NOT_FOUND, "x"); };
        model.rename(KITCHEN, "Mine");
        held.finish();
        assertThat(model.all()).contains(KITCHEN);
        assertThat(model.errorProperty().get()).isEqualTo("That device is no longer linked to your account. Refresh the list.");
    }

    @Test
    void unlinkingShowsTheDeviceEndedAndSaysItWillAskAgain() {
        loaded();
        var unlinked = device("1", "Kitchen TV", "Frame 55", "Demo TV", DeviceStatus.UNLINKED);
        api.unlink = () -> unlinked;
        model.unlink(KITCHEN);
        held.finish();
        assertThat(model.shown()).containsExactly(CONSOLE);
        assertThat(model.statusProperty().get()).isEqualTo("Kitchen TV was unlinked. It will ask to be linked again.");
    }

    @Test
    void anUnreachableServerIsSaidAndTheListKept() {
        loaded();
        api.devices = () -> { throw ApiFailure.unreachable("link.example.org", null); };
        model.refresh();
        held.finish();
        assertThat(model.errorProperty().get()).startsWith("Cannot reach the DeviceLink server at link.example.org.");
        assertThat(model.all()).hasSize(3);
    }
}
