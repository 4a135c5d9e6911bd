package org.devicelink.app.family;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicelink.app.client.LinkApi;
import org.devicelink.app.client.Problems;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.Role;
import org.devicelink.wording.LinkWording;

/**
 * The family as the signed-in person's companion sees it: who is in it and, for a parent, the children's requests
 * that wait for them, to approve or decline. While signed in it follows the server's change stream, so a child's
 * request shows within a moment, and whatever else shows the family's things ({@link #onChange}) reads again too.
 */
public final class FamilyViewModel {

    private record Family(List<FamilyMember> members, List<FamilyRequest> requests) {}

    private final LinkApi api;
    private final UiExecutor executor;
    private final ObservableList<FamilyMember> members = FXCollections.observableArrayList();
    private final ObservableList<FamilyRequest> requests = FXCollections.observableArrayList();
    private final BooleanProperty parent = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final List<Consumer<FamilyRequest>> arrivalListeners = new ArrayList<>();
    private final List<Consumer<LinkedDevice>> linkedListeners = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private AutoCloseable feed;

    private final Clock clock;

    public FamilyViewModel(LinkApi api, UiExecutor executor, Clock clock) {
        this.api = api;
        this.executor = executor;
        this.clock = clock;
    }

    /** What a request's card says, by the clock. */
    public LinkWording.RequestCard card(FamilyRequest request) {
        return LinkWording.requestCard(request, clock.instant());
    }

    /** The signed-in person first, then (for a parent) the children who have signed in here. */
    public ObservableList<FamilyMember> members() {
        return members;
    }

    /** What waits for this parent, newest first: the Requests screen, and its badge's count. */
    public ObservableList<FamilyRequest> requests() {
        return requests;
    }

    public BooleanProperty parentProperty() {
        return parent;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A short line on what was just decided ("Sam's Switch is linked to Sam."). */
    public StringProperty statusProperty() {
        return status;
    }

    /** Called on the UI thread after every change the server announces (and when its stream opens). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Called once for each request the parent had not seen yet: the desktop notification. */
    public void onArrival(Consumer<FamilyRequest> listener) {
        arrivalListeners.add(listener);
    }

    /** Called after a parent approves a request. */
    public void onLinked(Consumer<LinkedDevice> listener) {
        linkedListeners.add(listener);
    }

    /** Follows the server's change stream while {@code signedIn}; stops following otherwise and forgets the family. */
    public void follow(boolean signedIn) {
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception ignored) { // a feed that fails to close has stopped anyway
            }
            feed = null;
        }
        members.clear();
        requests.clear();
        seen.clear();
        parent.set(false);
        status.set("");
        error.set("");
        if (signedIn) {
            feed = api.watch(() -> executor.onUi(() -> {
                refresh();
                changeListeners.forEach(Runnable::run);
            }));
        }
    }

    public void refresh() {
        executor.run(busy, () -> {
            List<FamilyMember> family = api.familyMembers();
            boolean isParent = family.stream().anyMatch(m -> m.you() && m.role() == Role.ORGANIZER);
            return new Family(family, isParent ? api.familyRequests() : List.of());
        }, family -> {
            members.setAll(family.members());
            parent.set(family.members().stream().anyMatch(m -> m.you() && m.role() == Role.ORGANIZER));
            requests.setAll(family.requests());
            for (FamilyRequest request : family.requests()) {
                if (seen.add(request.id())) {
                    arrivalListeners.forEach(listener -> listener.accept(request));
                }
            }
        }, this::fail);
    }

    public void approve(FamilyRequest request) {
        error.set("");
        executor.run(busy, () -> api.approveRequest(request.id()), device -> {
            requests.removeIf(r -> r.id().equals(request.id()));
            status.set(Messages.get("requests.approved", device.name(), request.childName()));
            linkedListeners.forEach(listener -> listener.accept(device));
        }, this::failAndReload);
    }

    public void decline(FamilyRequest request) {
        error.set("");
        executor.run(busy, () -> {
            api.declineRequest(request.id());
            return request;
        }, declined -> {
            requests.removeIf(r -> r.id().equals(request.id()));
            status.set(Messages.get("requests.declined", LinkWording.shownName(request), request.childName()));
        }, this::failAndReload);
    }

    /** A request another parent decided, or one that expired, meanwhile: say so, and show what still waits. */
    private void failAndReload(Throwable e) {
        fail(e);
        refresh();
    }

    private void fail(Throwable e) {
        error.set(Problems.message(e));
    }
}
