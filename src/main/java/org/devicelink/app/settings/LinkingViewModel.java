package org.devicelink.app.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicelink.app.client.LinkApi;
import org.devicelink.app.client.Problems;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.LinkingSetting;

/**
 * Settings' "Linking with a code": on, only from the device's own network, or off, for the signed-in person or (a
 * parent's) one child. Kept on the server, which enforces it; a choice is saved the moment it is made.
 */
public final class LinkingViewModel {

    private final LinkApi api;
    private final UiExecutor executor;
    private final BooleanProperty signedIn = new SimpleBooleanProperty();
    private final ObjectProperty<FamilyMember> member = new SimpleObjectProperty<>();
    private final StringProperty choice = new SimpleStringProperty();
    private final BooleanProperty chosen = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    /** The value the server last said: a change to anything else is the person's, and is saved. */
    private String loaded;
    private long loads;

    public LinkingViewModel(LinkApi api, UiExecutor executor) {
        this.api = api;
        this.executor = executor;
        member.addListener((o, old, now) -> load());
        choice.addListener((o, old, now) -> {
            if (now != null && loaded != null && !now.equals(loaded)) {
                save(now);
            }
        });
    }

    /** Signed in (or out): the setting is read again, or hidden. */
    public void signedIn(boolean now) {
        signedIn.set(now);
        member.set(null);
        if (now) {
            load();
        } else {
            loaded = null;
            choice.set(null);
        }
    }

    public void load() {
        if (!signedIn.get()) {
            return;
        }
        status.set("");
        long asked = ++loads; // another member picked meanwhile: only the newest answer shows
        String whose = whose();
        executor.run(busy, () -> api.linking(whose), setting -> {
            if (asked == loads) {
                show(setting);
            }
        }, e -> status.set(Problems.message(e)));
    }

    private void save(String wanted) {
        String whose = whose();
        executor.run(busy, () -> api.setLinking(whose, wanted), setting -> {
            show(setting);
            status.set(Messages.get("settings.linking.saved", Messages.get("settings.linking." + setting.linking())));
        }, e -> {
            status.set(Problems.message(e));
            choice.set(loaded); // what stands on the server
        });
    }

    private void show(LinkingSetting setting) {
        loaded = setting.linking();
        chosen.set(setting.chosen());
        choice.set(setting.linking());
    }

    private String whose() {
        var picked = member.get();
        return picked == null || picked.you() ? ApproveRequest.ME : picked.id();
    }

    public BooleanProperty signedInProperty() {
        return signedIn;
    }

    /** Whose setting is shown: a parent's pick among the family; null, the person themselves. */
    public ObjectProperty<FamilyMember> memberProperty() {
        return member;
    }

    /** {@code on}, {@code home} or {@code off}; null until read. */
    public StringProperty choiceProperty() {
        return choice;
    }

    /** False while the account follows the server's default. */
    public BooleanProperty chosenProperty() {
        return chosen;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
