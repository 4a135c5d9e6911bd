package org.devicelink.app.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.testing.FakeLinkApi;
import org.devicelink.testing.TestExecutors;
import org.junit.jupiter.api.Test;

/** The family's view model on the calling thread: who is a parent, what waits, and a decision that comes too late. */
class FamilyViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    static final FamilyMember ALEX = new FamilyMember("a-1", "Alex Morgan", Role.ORGANIZER, true);
    static final FamilyMember SAM = new FamilyMember("s-1", "Sam Morgan", Role.CHILD, false);
    final FakeLinkApi api = new FakeLinkApi();
    final FamilyViewModel model = new FamilyViewModel(api, TestExecutors.callingThread(), Clock.systemUTC());

    static FamilyRequest request(String id, String device) {
        return new FamilyRequest(id, SAM.id(), SAM.name(), "demo-console", "Demo Console", device, "Switch", "this computer",
                NOW, NOW.plusSeconds(600), 600, FamilyRequest.AWAITING_PARENT);
    }

    @Test
    void aParentFollowsTheFamilyAndHearsOfEachNewRequestOnce() {
        var requests = new ArrayList<>(List.of(request("r-1", "Sam's Switch")));
        api.members = () -> List.of(ALEX, SAM);
        api.requests = () -> List.copyOf(requests);
        var arrived = new ArrayList<String>();
        model.onArrival(r -> arrived.add(r.id()));
        model.follow(true);
        api.changed.run(); // the stream opens
        assertThat(model.parentProperty().get()).isTrue();
        assertThat(model.requests()).extracting(FamilyRequest::id).containsExactly("r-1");

        requests.addFirst(request("r-2", "Sam's tablet"));
        api.changed.run(); // a second request
        assertThat(model.requests()).extracting(FamilyRequest::id).containsExactly("r-2", "r-1");
        assertThat(arrived).as("each request once, however often the family changes").containsExactly("r-1", "r-2");

        model.follow(false); // signed out
        assertThat(api.calls).contains("stop watching");
        assertThat(model.requests()).isEmpty();
        assertThat(model.parentProperty().get()).isFalse();
    }

    @Test
    void aChildAsksForNoRequests() {
        api.members = () -> List.of(new FamilyMember("s-1", "Sam Morgan", Role.CHILD, true));
        model.refresh();
        assertThat(model.parentProperty().get()).isFalse();
        assertThat(api.calls).containsExactly("family members");
    }

    @Test
    void aRequestAnotherParentDecidedMeanwhileSaysSoAndTheListIsReadAgain() {
        api.members = () -> List.of(ALEX, SAM);
        api.requests = () -> List.of(request("r-1", "Sam's Switch"));
        model.refresh();
        api.approve = () -> { throw FakeLinkApi.problem(ProblemType.REQUEST_NOT_FOUND, "gone"); };
        api.requests = List::of;
        model.approve(model.requests().getFirst());
        assertThat(model.errorProperty().get()).isEqualTo(
                "No request of your family is waiting with that id. It may have been decided already: refresh Requests.");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void anApprovedRequestLeavesTheListAndSaysWhoseTheDeviceIs() {
        api.members = () -> List.of(ALEX, SAM);
        api.requests = () -> List.of(request("r-1", "Sam's Switch"));
        model.refresh();
        var linked = new ArrayList<LinkedDevice>();
        model.onLinked(linked::add);
        api.approve = () -> new LinkedDevice("d-1", "Sam's Switch", "Switch", "demo-console", "Demo Console", NOW, null,
                DeviceStatus.ACTIVE, SAM.id(), SAM.name());
        model.approve(model.requests().getFirst());
        assertThat(model.requests()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Sam's Switch is linked to Sam Morgan's account.");
        assertThat(linked).hasSize(1);
        assertThat(api.calls).contains("approve request r-1");
    }
}
