package org.devicelink.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.testing.FakeLinkApi;
import org.devicelink.testing.TestExecutors;
import org.junit.jupiter.api.Test;

/** Settings' linking choice: read when signed in, saved when changed, put back when the server refuses. */
class LinkingViewModelTest {

    final FakeLinkApi api = new FakeLinkApi();
    final LinkingViewModel model = new LinkingViewModel(api, TestExecutors.callingThread());

    @Test
    void aChoiceIsSavedAtOnceAndReadingIsNoChange() {
        api.linking = () -> new LinkingSetting(LinkingSetting.HOME, false);
        model.signedIn(true);
        assertThat(model.choiceProperty().get()).isEqualTo("home");
        assertThat(model.chosenProperty().get()).as("the server's default").isFalse();
        assertThat(api.calls).containsExactly("linking of me");

        api.linking = () -> new LinkingSetting(LinkingSetting.OFF, true);
        model.choiceProperty().set("off");
        assertThat(api.calls).containsExactly("linking of me", "linking of me set to off");
        assertThat(model.statusProperty().get()).isEqualTo("Saved. Linking with a code: Off.");
        assertThat(model.chosenProperty().get()).isTrue();
    }

    @Test
    void aParentPicksAChildAndARefusalPutsTheStandingChoiceBack() {
        model.signedIn(true);
        var sam = new FamilyMember("sam-id", "Sam", Role.CHILD, false);
        model.memberProperty().set(sam);
        assertThat(api.calls).containsExactly("linking of me", "linking of sam-id");

        api.linking = () -> { throw FakeLinkApi.problem(ProblemType.NOT_IN_FAMILY, "Sam is not in your family."); };
        model.choiceProperty().set("off");
        assertThat(model.choiceProperty().get()).as("what stands on the server").isEqualTo("on");
        assertThat(model.statusProperty().get()).isNotEmpty();

        model.signedIn(false);
        assertThat(model.choiceProperty().get()).isNull();
    }
}
