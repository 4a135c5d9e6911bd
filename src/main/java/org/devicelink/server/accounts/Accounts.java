package org.devicelink.server.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.store.AccountStore;
import org.devicelink.server.store.Sql;

/** Accounts, created the first time a person calls the companion API. */
public final class Accounts {

    private final AccountStore store;
    private final String linkingDefault;
    private final Clock clock;

    /** @param linkingDefault the operator's linking setting for accounts that chose none ({@link LinkingSetting#CHOICES}) */
    public Accounts(AccountStore store, String linkingDefault, Clock clock) {
        this.store = store;
        this.linkingDefault = linkingDefault;
        this.clock = clock;
    }

    /** Linking with a code for {@code id}: its own choice, else the operator's default. */
    public LinkingSetting linking(String id) {
        return store.linking(id).map(chosen -> new LinkingSetting(chosen, true)).orElse(new LinkingSetting(linkingDefault, false));
    }

    /** The linking setting of {@code member} (the caller, or a parent's child), as the Settings screen shows it. */
    public LinkingSetting linking(Account me, String member) {
        return linking(one(me, member));
    }

    /** Sets it: {@code on}, {@code home} or {@code off}; a parent for a child too. Null or empty: the operator's default. */
    public LinkingSetting setLinking(Account me, String member, LinkingSetting wanted) {
        String choice = wanted == null || wanted.linking() == null || wanted.linking().isEmpty() ? null : wanted.linking();
        if (choice != null && !LinkingSetting.CHOICES.contains(choice)) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.linking", String.join(", ", LinkingSetting.CHOICES));
        }
        String id = one(me, member);
        store.setLinking(id, choice);
        return linking(id);
    }

    /** The one account {@code member} names: the caller, or (for a parent) one child; never the whole family. */
    public String one(Account me, String member) {
        if (ALL_MEMBERS.equals(member)) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.one-member");
        }
        return whose(me, member).getFirst();
    }

    /** The account of (issuer, subject), created on first sight; its name, address and family follow the provider's. */
    public Account findOrCreate(String issuer, String subject, String displayName, String email, Set<Role> roles, String familyId) {
        var said = new Account(null, issuer, subject, displayName, roles, familyId);
        String family = said.familyRole() == null ? null : familyId; // a family without a role in it is no family
        var existing = store.find(issuer, subject);
        if (existing.isPresent()) {
            var row = existing.get();
            String name = displayName != null ? displayName : row.displayName();
            var now = new AccountStore.Said(name, email, family, said.familyRole());
            if (!now.equals(new AccountStore.Said(row.displayName(), row.email(), row.familyId(), row.familyRole()))) {
                store.update(row.id(), now);
            }
            return new Account(row.id(), issuer, subject, name, roles, family);
        }
        try {
            String id = UUID.randomUUID().toString();
            store.insert(id, issuer, subject, new AccountStore.Said(displayName, email, family, said.familyRole()), clock.instant());
            return new Account(id, issuer, subject, displayName, roles, family);
        } catch (Sql.StoreException e) {
            if (Sql.isDuplicateKey(e)) { // the same person's first two requests raced
                var raced = store.find(issuer, subject).orElseThrow();
                return new Account(raced.id(), issuer, subject, raced.displayName(), roles, family);
            }
            throw e;
        }
    }

    /** Where the account's notices go, when its provider gave an address. */
    public Optional<String> email(String id) {
        return store.email(id);
    }

    /** {@code id}, when it is a child in the parent's family; empty otherwise (another family, a parent, unknown). */
    public Optional<AccountStore.Row> childOf(Account parent, String id) {
        if (!parent.isParent()) {
            return Optional.empty();
        }
        return store.findInFamily(parent.issuer(), parent.familyId(), id).filter(row -> row.familyRole() == Role.CHILD);
    }

    /** The organizers of the child's family who have signed in here (with the address each last gave, if any). */
    public List<AccountStore.Row> parentsOf(Account child) {
        if (!child.isChild()) {
            return List.of();
        }
        return store.family(child.issuer(), child.familyId()).stream().filter(r -> r.familyRole() == Role.ORGANIZER).toList();
    }

    /** Holds the account's row until the transaction ends: see {@link AccountStore#lock}. */
    public void lock(String id) {
        store.lock(id);
    }

    /** A member filter's word for the whole family (a parent's). */
    public static final String ALL_MEMBERS = "all";

    /**
     * The accounts whose devices or activity {@code member} names: the caller's own when null or "me"; for a parent,
     * "all" (theirs and their children's) or one child's id. Anyone else is refused.
     */
    public List<String> whose(Account me, String member) {
        if (member == null || member.equals(ApproveRequest.ME) || member.equals(me.id())) {
            return List.of(me.id());
        }
        if (!me.isParent()) {
            throw ApiProblem.of(ProblemType.PARENTS_ONLY);
        }
        if (member.equals(ALL_MEMBERS)) {
            return familyOf(me).stream().map(AccountStore.Row::id).toList();
        }
        return List.of(childOf(me, member).orElseThrow(() -> ApiProblem.of(ProblemType.NOT_IN_FAMILY)).id());
    }

    /** The parent's family as far as it has signed in here: the parent first, then the children. */
    public List<AccountStore.Row> familyOf(Account parent) {
        if (!parent.isParent()) {
            return List.of(new AccountStore.Row(parent.id(), parent.displayName(), email(parent.id()).orElse(null), parent.familyId(),
                    parent.familyRole()));
        }
        var members = new ArrayList<AccountStore.Row>();
        var rows = store.family(parent.issuer(), parent.familyId());
        rows.stream().filter(r -> r.id().equals(parent.id())).forEach(members::add);
        rows.stream().filter(r -> r.familyRole() == Role.CHILD).forEach(members::add);
        return members;
    }
}
