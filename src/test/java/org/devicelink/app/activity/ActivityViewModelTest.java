package org.devicelink.app.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicelink.app.common.BackgroundWork;
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.testing.FakeLinkApi;
import org.devicelink.testing.TestExecutors;
import org.junit.jupiter.api.Test;

/** The Activity screen's view model on the calling thread: the history, a parent's family's, its filters, a failure. */
class ActivityViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    static final FamilyMember ALEX = new FamilyMember("a-1", "Alex Morgan", Role.ORGANIZER, true);
    static final FamilyMember SAM = new FamilyMember("s-1", "Sam Morgan", Role.CHILD, false);

    static ActivityEntry entry(int minutesAgo, String kind, String device, String detail, FamilyMember whose) {
        return new ActivityEntry(NOW.minusSeconds(60L * minutesAgo), kind, device, "demo-console", detail, whose.id(), whose.name());
    }

    static final ActivityEntry ALEX_RENAMED = entry(1, "renamed", "Bedroom TV", "Bedroom TV", ALEX);
    static final ActivityEntry ALEX_LINKED = entry(5, "linked", "Kitchen TV", null, ALEX);
    static final ActivityEntry SAM_ASKED = entry(2, "asked-a-parent", "Sam's Switch", null, SAM);
    static final ActivityEntry SAM_LINKED = entry(3, "linked", "Sam's tablet", "Alex Morgan", SAM);

    final FakeLinkApi api = new FakeLinkApi();

    @Test
    void theAccountsOwnHistoryShowsAsTheServerSentIt() {
        var model = new ActivityViewModel(api, TestExecutors.callingThread());
        api.activity = () -> List.of(ALEX_RENAMED, ALEX_LINKED);
        model.refresh();
        assertThat(api.calls).containsExactly("activity");
        assertThat(model.all()).containsExactly(ALEX_RENAMED, ALEX_LINKED);
        assertThat(model.shown()).containsExactly(ALEX_RENAMED, ALEX_LINKED);
        model.kindProperty().set("linked");
        assertThat(model.shown()).containsExactly(ALEX_LINKED);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aParentSeesTheFamilysHistoryAndCanShowOneMembersLines() {
        var model = new ActivityViewModel(api, TestExecutors.callingThread());
        model.familyProperty().set(true);
        api.activity = () -> List.of(ALEX_RENAMED, SAM_ASKED, SAM_LINKED, ALEX_LINKED);
        model.refresh();
        assertThat(api.calls).containsExactly("activity of all");
        assertThat(model.shown()).containsExactly(ALEX_RENAMED, SAM_ASKED, SAM_LINKED, ALEX_LINKED);

        model.memberProperty().set(SAM);
        assertThat(model.shown()).containsExactly(SAM_ASKED, SAM_LINKED);
        model.kindProperty().set("linked");
        assertThat(model.shown()).as("whose and what together").containsExactly(SAM_LINKED);
        model.memberProperty().set(null);
        assertThat(model.shown()).as("everyone's linked devices").containsExactly(SAM_LINKED, ALEX_LINKED);
        model.kindProperty().set(null);
        assertThat(model.shown()).containsExactly(ALEX_RENAMED, SAM_ASKED, SAM_LINKED, ALEX_LINKED);

        model.memberProperty().set(SAM);
        var samRenamed = entry(0, "renamed", "Sam's Switch", "Sam's Switch", SAM);
        api.activity = () -> List.of(samRenamed, ALEX_RENAMED, SAM_ASKED, SAM_LINKED, ALEX_LINKED);
        model.refresh();
        assertThat(model.shown()).as("the filter holds through a refresh").containsExactly(samRenamed, SAM_ASKED, SAM_LINKED);
        assertThat(model.all()).hasSize(5);
    }

    @Test
    void aFailureIsSaidTheHistoryKeptAndTheScreenFreed() {
        var held = new TestExecutors.Held();
        var model = new ActivityViewModel(api, held.executor);
        api.activity = () -> List.of(ALEX_LINKED);
        model.refresh();
        held.finish();

        model.familyProperty().set(true);
        api.activity = () -> { throw FakeLinkApi.problem(ProblemType.PARENTS_ONLY, "x"); };
        model.refresh();
        assertThat(model.busyProperty().get()).isTrue();
        held.finish();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Only a parent (a family organizer) can do that. Ask a parent in your family.");
        assertThat(model.all()).containsExactly(ALEX_LINKED);

        api.activity = () -> { throw new StackOverflowError("deep"); };
        model.refresh();
        held.finish();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Something went wrong: deep");

        api.activity = () -> List.of(ALEX_LINKED, SAM_LINKED);
        model.refresh();
        assertThat(model.errorProperty().get()).as("asking again clears the error").isEmpty();
        held.finish();
        assertThat(model.all()).containsExactly(ALEX_LINKED, SAM_LINKED);
        assertThat(api.calls).containsExactly("activity", "activity of all", "activity of all", "activity of all");
    }

    @Test
    void anOlderAnswerThatArrivesLastDoesNotReplaceTheNewerOne() {
        var work = new ArrayList<Runnable>();
        var model = new ActivityViewModel(api, new BackgroundWork(work::add, Runnable::run));
        api.activity = () -> api.calls.getLast().equals("activity of all") ? List.of(ALEX_LINKED, SAM_LINKED) : List.of(ALEX_LINKED);
        model.refresh(); // the person's own history
        model.familyProperty().set(true); // then the server says they are a parent
        model.refresh(); // the family's
        assertThat(work).hasSize(2);
        work.get(1).run(); // the family's answer comes first
        work.get(0).run(); // the older one last
        assertThat(api.calls).containsExactly("activity of all", "activity");
        assertThat(model.all()).containsExactly(ALEX_LINKED, SAM_LINKED);
        assertThat(model.busyProperty().get()).isFalse();
    }
}
