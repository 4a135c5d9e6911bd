package org.devicelink.server.activity;

import java.time.Clock;
import java.util.UUID;
import org.devicelink.server.store.ActivityStore;
import org.devicelink.server.store.Sql;

/** The activity recorder of the link server: every event becomes a row of the {@code activity} table. */
public final class ActivityLog implements ActivityRecorder {

    private final ActivityStore store;
    private final Clock clock;

    public ActivityLog(ActivityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void record(Activity activity) {
        store.insert(new ActivityStore.Entry(UUID.randomUUID().toString(), activity.accountId(), Sql.wire(activity.kind()),
                clock.instant(), activity.deviceId(), activity.deviceName(), activity.appId(), activity.detail()));
    }
}
