package org.devicelink.app.devices;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.devicelink.app.client.LinkApi;
import org.devicelink.app.client.Problems;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.LinkedDevice;

/** The signed-in person's linked devices (a parent's: the family's): load, filter, rename, unlink. */
public final class DevicesViewModel {

    private final LinkApi api;
    private final UiExecutor executor;
    private final ObservableList<LinkedDevice> devices = FXCollections.observableArrayList();
    private final FilteredList<LinkedDevice> shown = new FilteredList<>(devices);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty showEnded = new SimpleBooleanProperty(false);
    private final BooleanProperty family = new SimpleBooleanProperty(false);
    private final ObjectProperty<FamilyMember> member = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private long refreshes;

    public DevicesViewModel(LinkApi api, UiExecutor executor) {
        this.api = api;
        this.executor = executor;
        filter.addListener((o, old, now) -> applyFilter());
        showEnded.addListener((o, old, now) -> applyFilter());
        member.addListener((o, old, now) -> applyFilter());
        applyFilter();
    }

    /** The devices the table shows: filtered by the search text, active ones unless ended ones are asked for. */
    public FilteredList<LinkedDevice> shown() {
        return shown;
    }

    public ObservableList<LinkedDevice> all() {
        return devices;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty showEndedProperty() {
        return showEnded;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A short line on what just happened ("Kitchen TV was unlinked."). */
    public StringProperty statusProperty() {
        return status;
    }

    /** Whether the table is a parent's: the whole family's devices, with whose each is and a member filter. */
    public BooleanProperty familyProperty() {
        return family;
    }

    /** The member whose devices are shown (a parent's filter); null: everyone's. */
    public ObjectProperty<FamilyMember> memberProperty() {
        return member;
    }

    public void refresh() {
        error.set("");
        String whose = family.get() ? LinkApi.ALL_MEMBERS : ApproveRequest.ME;
        long asked = ++refreshes; // only the newest answer shows: an older one may come back last
        executor.run(busy, () -> api.devices(whose), found -> {
            if (asked == refreshes) {
                devices.setAll(found);
            }
        }, this::fail);
    }

    public void rename(LinkedDevice device, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty() || name.equals(device.name())) {
            replace(device); // put the old name back in the cell
            return;
        }
        executor.run(busy, () -> api.rename(device.id(), name), renamed -> {
            replace(renamed);
            status.set(Messages.get("devices.renamed", device.name(), renamed.name()));
        }, e -> {
            replace(device);
            fail(e);
        });
    }

    public void unlink(LinkedDevice device) {
        executor.run(busy, () -> api.unlink(device.id()), unlinked -> {
            replace(unlinked);
            status.set(Messages.get("devices.unlinked", unlinked.name()));
        }, this::fail);
    }

    /**
     * What "Sign out of all devices" would do: sign out the child picked in a parent's filter, else the person
     * themselves ({@code childName} null), and how many of their devices the list shows linked.
     */
    public record SignOutScope(String member, String childName, long devices) {}

    /** @param members the family as the filter lists it (empty outside a family), to tell the person's own devices */
    public SignOutScope signOutScope(List<FamilyMember> members) {
        var picked = member.get();
        boolean child = picked != null && !picked.you();
        String owner = child ? picked.id() : members.stream().filter(FamilyMember::you).map(FamilyMember::id).findFirst().orElse(null);
        long linked = devices.stream().filter(d -> d.status() == DeviceStatus.ACTIVE && (owner == null || owner.equals(d.accountId())))
                .count();
        return new SignOutScope(child ? picked.id() : ApproveRequest.ME, child ? picked.name() : null, linked);
    }

    /** Signs every device of {@code member} out (the person themselves: {@link ApproveRequest#ME}), then lists them again. */
    public void signOutEverywhere(String member) {
        error.set("");
        executor.run(busy, () -> api.signOutEverywhere(member), count -> {
            status.set(Messages.get("devices.sign-out-all.done", count));
            refresh();
        }, this::fail);
    }

    private void replace(LinkedDevice device) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).id().equals(device.id())) {
                devices.set(i, device);
                return;
            }
        }
        devices.add(device);
    }

    private void applyFilter() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        FamilyMember whose = member.get();
        shown.setPredicate(d -> (showEnded.get() || d.status() == DeviceStatus.ACTIVE)
                && (whose == null || whose.id().equals(d.accountId()))
                && (text.isEmpty() || contains(d.name(), text) || contains(d.model(), text) || contains(d.appName(), text)));
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }

    private void fail(Throwable e) {
        error.set(Problems.message(e));
    }
}
