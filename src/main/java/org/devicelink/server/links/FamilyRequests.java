package org.devicelink.server.links;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.PathIds;
import org.devicelink.server.notices.Notices;
import org.devicelink.server.store.AccountStore;
import org.devicelink.server.store.LinkStatus;
import org.devicelink.server.store.PendingLinkStore;

/**
 * A family's side of children's approvals: the parents list the requests waiting for them and approve or deny each
 * (the device becomes the child's); the child follows their own. Another family's request, or one already decided,
 * is not found.
 */
public final class FamilyRequests {

    static final int MAX_LISTED = 100;

    private final PendingLinks links;
    private final PendingLinkStore store;
    private final Accounts accounts;
    private final Clock clock;

    public FamilyRequests(PendingLinks links, PendingLinkStore store, Accounts accounts, Clock clock) {
        this.links = links;
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The parent and the children who have signed in here, for the confirm screen's chooser. */
    public List<FamilyMember> members(Account me) {
        return accounts.familyOf(me).stream()
                .map(m -> new FamilyMember(m.id(), m.displayName(), m.familyRole(), m.id().equals(me.id()))).toList();
    }

    /** What waits for the parent's decision, newest first. */
    public List<FamilyRequest> waiting(Account parent) {
        requireParent(parent);
        Map<String, String> names = accounts.familyOf(parent).stream().collect(Collectors.toMap(AccountStore.Row::id,
                AccountStore.Row::displayName));
        return store.awaitingParent(parent.issuer(), parent.familyId(), clock.instant(), MAX_LISTED).stream()
                .map(row -> links.familyView(row, names.get(row.askedBy()))).toList();
    }

    public LinkedDevice approve(Account parent, String requestId) {
        var row = waitingFor(parent, requestId);
        var approver = new PendingLinks.Approver(parent, null, Notices.How.PARENT);
        return links.link(row, LinkStatus.AWAITING_PARENT, row.askedBy(), approver, null);
    }

    public void deny(Account parent, String requestId, boolean report) {
        var row = waitingFor(parent, requestId);
        links.deny(row, LinkStatus.AWAITING_PARENT, report, row.askedBy(), parent);
    }

    /** A request as its child or their parent sees it, whatever became of it. */
    public FamilyRequest status(Account me, String requestId) {
        var row = store.find(PathIds.uuid(requestId,
                ProblemType.REQUEST_NOT_FOUND)).filter(r -> r.askedBy() != null).orElseThrow(FamilyRequests::notFound);
        if (row.askedBy().equals(me.id())) {
            return links.familyView(row, me.displayName());
        }
        var child = accounts.childOf(me, row.askedBy()).orElseThrow(FamilyRequests::notFound);
        return links.familyView(row, child.displayName());
    }

    private PendingLinkStore.Row waitingFor(Account parent, String requestId) {
        requireParent(parent);
        var row = store.find(PathIds.uuid(requestId, ProblemType.REQUEST_NOT_FOUND))
                .filter(r -> r.status() == LinkStatus.AWAITING_PARENT && r.askedBy() != null)
                .filter(r -> accounts.childOf(parent, r.askedBy()).isPresent())
                .orElseThrow(FamilyRequests::notFound);
        if (row.expiredAt(clock.instant())) {
            throw ApiProblem.of(ProblemType.CODE_EXPIRED);
        }
        return row;
    }

    private static void requireParent(Account account) {
        if (!account.isParent()) {
            throw ApiProblem.of(ProblemType.PARENTS_ONLY);
        }
    }

    private static ApiProblem notFound() {
        return ApiProblem.of(ProblemType.REQUEST_NOT_FOUND);
    }
}
