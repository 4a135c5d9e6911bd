package org.devicelink.app.activity;

import java.util.List;
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
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyMember;

/**
 * The Activity screen's model: the account's history, newest first (a parent's: the family's), filtered by what
 * happened and, for a parent, by whose it is.
 */
public final class ActivityViewModel {

    /** The kinds the server writes, in the order the filter offers them. */
    public static final List<String> KINDS = List.of("linked", "asked-a-parent", "denied", "reported", "renamed",
            "unlinked", "signed-out", "locked-out", "refresh-token-reuse", "viewed-by-support", "seen-by-others", "signed-out-everywhere",
            "unwanted");

    private final LinkApi api;
    private final UiExecutor executor;
    private final ObservableList<ActivityEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<ActivityEntry> shown = new FilteredList<>(entries);
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<FamilyMember> member = new SimpleObjectProperty<>();
    private final BooleanProperty family = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private long refreshes;

    public ActivityViewModel(LinkApi api, UiExecutor executor) {
        this.api = api;
        this.executor = executor;
        kind.addListener((o, old, now) -> applyFilter());
        member.addListener((o, old, now) -> applyFilter());
    }

    public FilteredList<ActivityEntry> shown() {
        return shown;
    }

    public ObservableList<ActivityEntry> all() {
        return entries;
    }

    /** What happened, or null for everything. */
    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    /** Whose lines (a parent's filter), or null for the whole family's. */
    public ObjectProperty<FamilyMember> memberProperty() {
        return member;
    }

    /** Whether the history is a parent's: the family's, with whose each line is. */
    public BooleanProperty familyProperty() {
        return family;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public void refresh() {
        error.set("");
        String whose = family.get() ? LinkApi.ALL_MEMBERS : ApproveRequest.ME;
        long asked = ++refreshes; // only the newest answer shows
        executor.run(busy, () -> api.activity(whose), found -> {
            if (asked == refreshes) {
                entries.setAll(found);
            }
        }, e -> error.set(Problems.message(e)));
    }

    private void applyFilter() {
        String what = kind.get();
        FamilyMember whose = member.get();
        shown.setPredicate(e -> (what == null || what.equals(e.kind())) && (whose == null || whose.id().equals(e.accountId())));
    }
}
