package org.devicelink.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devicelink.protocol.Role;
import org.devicelink.server.notify.ApprovalNotifier;
import org.junit.jupiter.api.Test;

/**
 * Who hears of a change: the family of whoever made it, and nobody else. Checked on the calling thread through a
 * notifier that delivers at once, so "another family hears nothing" is a fact, not a second of silence. (The event
 * stream over a real notifier and real HTTP is {@code FamilyContract}'s.)
 */
class AccountChangesTest {

    /** Delivers each decision at once to the listeners of its key, on the caller's thread. */
    static final class AtOnce implements ApprovalNotifier {
        final Map<String, List<Runnable>> listeners = new HashMap<>();

        @Override
        public void decided(String key) {
            var waiting = listeners.remove(key);
            if (waiting != null) {
                waiting.forEach(Runnable::run);
            }
        }

        @Override
        public Subscription onDecided(String key, Runnable listener) {
            listeners.computeIfAbsent(key, k -> new ArrayList<>()).add(listener);
            return () -> listeners.getOrDefault(key, new ArrayList<>()).remove(listener);
        }

        @Override
        public void observe(Observer observer) {}

        @Override
        public boolean tracking() {
            return true;
        }
    }

    static Account member(String id, Role role, String family) {
        return new Account(id, "https://idp.example", id + "-subject", id, Set.of(role), family);
    }

    final AtOnce notifier = new AtOnce();
    final AccountChanges changes = new AccountChanges(notifier);
    final Account alex = member("alex", Role.ORGANIZER, "family-1");
    final Account sam = member("sam", Role.CHILD, "family-1");
    final Account pat = member("pat", Role.ORGANIZER, "family-2");
    final Account lone = member("lone", Role.MEMBER, null);
    final Account other = member("other", Role.MEMBER, null);

    @Test
    void aChildsChangeReachesTheParentAndNoOtherFamilyNorAnyoneAlone() {
        var heard = new ArrayList<String>();
        changes.onChange(alex, () -> heard.add("alex"));
        changes.onChange(pat, () -> heard.add("pat"));
        changes.onChange(other, () -> heard.add("other"));

        changes.changed(sam);
        assertThat(heard).containsExactly("alex");
        changes.changed(sam);
        assertThat(heard).as("every change, not only the first").containsExactly("alex", "alex");
        changes.changed(lone);
        assertThat(heard).as("an account outside any family tells only itself").containsExactly("alex", "alex");
        changes.changed(pat);
        assertThat(heard).containsExactly("alex", "alex", "pat");
    }

    @Test
    void aClosedListenerHearsNoMore() {
        var heard = new ArrayList<String>();
        var subscription = changes.onChange(alex, () -> heard.add("alex"));
        changes.changed(alex);
        subscription.close();
        changes.changed(sam);
        assertThat(heard).containsExactly("alex");
    }
}
