package org.devicelink.server.activity;

import java.util.List;
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.store.ActivityStore;

/** What an account reads of its history: its own, newest first, or for a parent the family's (by the same member rule as devices). */
public final class AccountActivity {

    static final int LISTED = 200;

    private final ActivityStore store;
    private final Accounts accounts;

    public AccountActivity(ActivityStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    public List<ActivityEntry> list(Account me, String member) {
        return store.forAccounts(accounts.whose(me, member), LISTED).stream().map(n -> new ActivityEntry(n.entry().at(), n.entry().kind(),
                n.entry().deviceName(), n.entry().appId(), n.entry().detail(), n.entry().accountId(), n.accountName())).toList();
    }
}
