package org.devicelink.testing;

import java.util.ArrayList;
import java.util.List;
import org.devicelink.app.client.ApiFailure;
import org.devicelink.app.client.LinkApi;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.protocol.CodeStory;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.protocol.Me;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;

/** A link server for view-model tests: answers what the test sets, fails as the test says, and notes every call. */
public final class FakeLinkApi implements LinkApi {

    /** What a call does: answer, or throw. */
    @FunctionalInterface
    public interface Answer<T> {
        T get() throws Throwable;
    }

    public final List<String> calls = new ArrayList<>();
    public Answer<PendingLink> lookup = () -> { throw new AssertionError("lookup not expected"); };
    public Answer<LinkedDevice> approve = () -> { throw new AssertionError("approve not expected"); };
    public Answer<Void> deny = () -> null;
    public Answer<List<LinkedDevice>> devices = List::of;
    public Answer<LinkedDevice> rename = () -> { throw new AssertionError("rename not expected"); };
    public Answer<LinkedDevice> unlink = () -> { throw new AssertionError("unlink not expected"); };
    public Answer<Integer> signOutEverywhere = () -> { throw new AssertionError("sign-out everywhere not expected"); };
    public Answer<LinkingSetting> linking = () -> new LinkingSetting(LinkingSetting.ON, false);
    public Answer<List<FamilyMember>> members = List::of;
    public Answer<List<ActivityEntry>> activity = List::of;
    public Answer<Me> me = () -> new Me("a-1", "Alex Morgan", List.of());
    public Answer<CodeStory> story = () -> { throw new AssertionError("support lookup not expected"); };
    public Answer<List<LinkedDevice>> customerDevices = () -> { throw new AssertionError("customer devices not expected"); };
    public Answer<List<FamilyRequest>> requests = List::of;
    public Answer<FamilyRequest> request = () -> { throw new AssertionError("family request not expected"); };
    public Runnable changed = () -> { throw new AssertionError("not watched"); };

    /** A failure the server would answer with. */
    public static ApiFailure problem(ProblemType type, String detail) {
        return new ApiFailure(type, detail, null, null);
    }

    @Override
    public PendingLink lookup(UserCode code) throws ApiFailure {
        calls.add("lookup " + code.display());
        return call(lookup);
    }

    @Override
    public Approval approve(UserCode code, String account, String replace) throws ApiFailure {
        calls.add("approve " + code.display() + (account.equals("me") ? "" : " for " + account) + (replace == null ? "" : " replacing "
                + replace));
        return new Approval.Linked(call(approve));
    }

    @Override
    public void deny(UserCode code, boolean report) throws ApiFailure {
        calls.add((report ? "report " : "deny ") + code.display());
        call(deny);
    }

    @Override
    public List<LinkedDevice> devices(String member) throws ApiFailure {
        calls.add(member.equals("me") ? "devices" : "devices of " + member);
        return call(devices);
    }

    @Override
    public LinkedDevice rename(String deviceId, String name) throws ApiFailure {
        calls.add("rename " + deviceId + " " + name);
        return call(rename);
    }

    @Override
    public LinkedDevice unlink(String deviceId) throws ApiFailure {
        calls.add("unlink " + deviceId);
        return call(unlink);
    }

    @Override
    public int signOutEverywhere(String member) throws ApiFailure {
        calls.add("sign out everywhere " + member);
        return call(signOutEverywhere);
    }

    @Override
    public LinkingSetting linking(String member) throws ApiFailure {
        calls.add("linking of " + member);
        return call(linking);
    }

    @Override
    public LinkingSetting setLinking(String member, String choice) throws ApiFailure {
        calls.add("linking of " + member + " set to " + choice);
        return call(linking);
    }

    @Override
    public List<ActivityEntry> activity(String member) throws ApiFailure {
        calls.add(member.equals("me") ? "activity" : "activity of " + member);
        return call(activity);
    }

    @Override
    public Me me() throws ApiFailure {
        calls.add("me");
        return call(me);
    }

    @Override
    public CodeStory lookUpForSupport(UserCode code) throws ApiFailure {
        calls.add("support lookup " + code.display());
        return call(story);
    }

    @Override
    public List<LinkedDevice> customerDevices(String customerId, String reason) throws ApiFailure {
        calls.add("customer devices " + customerId + " because " + reason);
        return call(customerDevices);
    }

    @Override
    public List<FamilyMember> familyMembers() throws ApiFailure {
        calls.add("family members");
        return call(members);
    }

    @Override
    public List<FamilyRequest> familyRequests() throws ApiFailure {
        calls.add("family requests");
        return call(requests);
    }

    @Override
    public FamilyRequest familyRequest(String requestId) throws ApiFailure {
        calls.add("family request " + requestId);
        return call(request);
    }

    @Override
    public LinkedDevice approveRequest(String requestId) throws ApiFailure {
        calls.add("approve request " + requestId);
        return call(approve);
    }

    @Override
    public void declineRequest(String requestId) throws ApiFailure {
        calls.add("decline request " + requestId);
        call(deny);
    }

    /** The test plays the server's change stream: {@link #changed} calls what the view model gave. */
    @Override
    public AutoCloseable watch(Runnable onChange) {
        calls.add("watch");
        changed = onChange;
        return () -> {
            calls.add("stop watching");
            changed = () -> { throw new AssertionError("not watched"); };
        };
    }

    private static <T> T call(Answer<T> answer) throws ApiFailure {
        try {
            return answer.get();
        } catch (ApiFailure | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
