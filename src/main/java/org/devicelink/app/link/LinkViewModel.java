package org.devicelink.app.link;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicelink.app.client.ApiFailure;
import org.devicelink.app.client.LinkApi;
import org.devicelink.app.client.Problems;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;
import org.devicelink.scan.FrameSource;
import org.devicelink.scan.Picture;
import org.devicelink.scan.QrDecoder;
import org.devicelink.wording.LinkWording;

/**
 * The link flow: type or scan a code, see what is asking, approve or deny, see how it ended. Codes are checked
 * here as they are typed (no server round trip for a typo); the server is asked only for a well-formed code.
 */
public final class LinkViewModel {

    public enum Stage { ENTER, CONFIRM, RESULT }

    private final LinkApi api;
    private final VerificationLink verificationLink;
    private final UiExecutor executor;
    private final Clock clock;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.ENTER);
    private final ObjectProperty<PendingLink> pending = new SimpleObjectProperty<>();
    private final ObjectProperty<LinkOutcome> outcome = new SimpleObjectProperty<>();
    private final LongProperty secondsLeft = new SimpleLongProperty();
    private final ObjectProperty<LinkWording.Confirmation> confirmation = new SimpleObjectProperty<>();
    private final ObjectProperty<LinkWording.Outcome> outcomeWords = new SimpleObjectProperty<>();
    private final StringProperty account = new SimpleStringProperty("");
    private final ObservableList<FamilyMember> owners = FXCollections.observableArrayList();
    private final ObjectProperty<FamilyMember> owner = new SimpleObjectProperty<>();
    private final ObservableList<LinkedDevice> replaceable = FXCollections.observableArrayList();
    private final BooleanBinding codeComplete;
    private final List<Consumer<LinkedDevice>> linkedListeners = new ArrayList<>();
    private Instant deadline = Instant.MAX;
    private UserCode confirmedCode;

    public LinkViewModel(LinkApi api, VerificationLink verificationLink, UiExecutor executor, Clock clock) {
        this.api = api;
        this.verificationLink = verificationLink;
        this.executor = executor;
        this.clock = clock;
        code.addListener((o, old, now) -> {
            error.set("");
            hint.set(typingHint(now));
        });
        codeComplete = Bindings.createBooleanBinding(() -> UserCode.tryParse(code.get()).isPresent(), code);
        owner.addListener((o, old, now) -> word());
        outcome.addListener((o, old, now) -> outcomeWords.set(now == null ? null : words(now)));
    }

    public StringProperty codeProperty() {
        return code;
    }

    /** Why what is typed cannot be a code, said at once; empty while it still can be. */
    public StringProperty hintProperty() {
        return hint;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public ObjectProperty<PendingLink> pendingProperty() {
        return pending;
    }

    public ObjectProperty<LinkOutcome> outcomeProperty() {
        return outcome;
    }

    public LongProperty secondsLeftProperty() {
        return secondsLeft;
    }

    /** What the confirmation says for the chosen owner, now; null while no code is being confirmed. */
    public ObjectProperty<LinkWording.Confirmation> confirmationProperty() {
        return confirmation;
    }

    /** How the attempt ended, in words; null before it has. */
    public ObjectProperty<LinkWording.Outcome> outcomeWordsProperty() {
        return outcomeWords;
    }

    /**
     * The account an approval links the device to, as the confirmation names it: people with several accounts
     * approve with the wrong one (the background articles' "make sure you are signed in to the correct account").
     */
    public StringProperty accountProperty() {
        return account;
    }

    /** Whose the device may become: for a parent, themselves and their children (the confirm screen's chooser); else empty. */
    public ObservableList<FamilyMember> owners() {
        return owners;
    }

    /** The chosen owner; null or the signed-in person means themselves. */
    public ObjectProperty<FamilyMember> ownerProperty() {
        return owner;
    }

    public BooleanBinding codeCompleteProperty() {
        return codeComplete;
    }

    /** Called after a device is linked (the devices list refreshes itself). */
    public void onLinked(Consumer<LinkedDevice> listener) {
        linkedListeners.add(listener);
    }

    /** Looks the typed code up and, when a device is waiting with it, moves on to the confirmation. */
    public void lookUp() {
        var parsed = UserCode.parse(code.get());
        if (parsed instanceof UserCode.Parsed.Invalid invalid) {
            error.set(Messages.get(invalid.messageKey(), invalid.messageArguments()));
            return;
        }
        UserCode userCode = ((UserCode.Parsed.Valid) parsed).code();
        executor.run(busy, () -> api.lookup(userCode), link -> {
            confirmedCode = userCode;
            deadline = clock.instant().plusSeconds(link.secondsLeft());
            pending.set(link);
            owner.set(owners.stream().filter(FamilyMember::you).findFirst().orElse(null)); // each code starts as one's own
            tick();
            stage.set(Stage.CONFIRM);
        }, e -> error.set(message(e)));
    }

    public void approve() {
        approve(null);
    }

    /** "Unlink one and link this": the app's device limit is reached, and the person picked which device goes. */
    public void replaceAndApprove(LinkedDevice old) {
        approve(old.id());
    }

    /**
     * The owner's devices of the asking app, when the app's device limit refused the approval: one of them can be
     * unlinked and this device linked in one step. Empty otherwise.
     */
    public ObservableList<LinkedDevice> replaceable() {
        return replaceable;
    }

    private void approve(String replace) {
        FamilyMember chosen = owner.get();
        String account = chosen == null || chosen.you() ? ApproveRequest.ME : chosen.id();
        replaceable.clear();
        executor.run(busy, () -> api.approve(confirmedCode, account, replace), approval -> {
            finish(switch (approval) {
                case LinkApi.Approval.Linked linked -> new LinkOutcome.Linked(linked.device());
                case LinkApi.Approval.AwaitingParent waiting -> new LinkOutcome.AwaitingParent(waiting.request().id(),
                        LinkWording.shownName(waiting.request()));
            });
            if (approval instanceof LinkApi.Approval.Linked linked) {
                linkedListeners.forEach(listener -> listener.accept(linked.device()));
            }
        }, e -> {
            finish(new LinkOutcome.Failed(message(e), e instanceof ApiFailure f && f.unreachable()));
            if (e instanceof ApiFailure f && f.type().orElse(null) == ProblemType.DEVICE_LIMIT_REACHED) {
                offerReplacing(account);
            }
        });
    }

    /** Reads the owner's devices of the asking app, for "Unlink one and link this". */
    private void offerReplacing(String account) {
        PendingLink asking = pending.get();
        boolean mine = account.equals(ApproveRequest.ME);
        executor.run(null, () -> api.devices(mine ? ApproveRequest.ME : LinkApi.ALL_MEMBERS), found -> replaceable.setAll(found.stream()
                .filter(d -> d.status() == DeviceStatus.ACTIVE && d.appId().equals(asking.appId()) && (mine
                || account.equals(d.accountId())))
                .toList()), e -> { }); // without the list, the sentence still says what to do under Devices
    }

    /** A child waiting for a parent reads their request again (the family's change stream says when): what became of it. */
    public void checkWaiting() {
        if (!(outcome.get() instanceof LinkOutcome.AwaitingParent waiting)) {
            return;
        }
        executor.run(null, () -> api.familyRequest(waiting.requestId()), request -> {
            if (outcome.get() == waiting && !FamilyRequest.AWAITING_PARENT.equals(request.status())) {
                finish(new LinkOutcome.ParentDecided(waiting.deviceName(), request.status()));
            }
        }, e -> { }); // the next change asks again; the screen keeps saying it waits
    }

    /** Deny; {@code report} is "I didn't start this". */
    public void deny(boolean report) {
        executor.run(busy, () -> {
            api.deny(confirmedCode, report);
            return report;
        }, reported -> finish(new LinkOutcome.Denied(reported)), e -> finish(new LinkOutcome.Failed(message(e), false)));
    }

    /** Back to an empty code field. */
    public void startOver() {
        replaceable.clear();
        pending.set(null);
        confirmation.set(null);
        outcome.set(null);
        confirmedCode = null;
        deadline = Instant.MAX;
        code.set("");
        error.set("");
        stage.set(Stage.ENTER);
    }

    /** Back to the confirmation to try the same code again (after the server was unreachable). */
    public void retry() {
        outcome.set(null);
        stage.set(pending.get() == null ? Stage.ENTER : Stage.CONFIRM);
    }

    /**
     * Fills the code from a clicked {@code devicelink://} link and waits there: a link can come from anywhere, so the
     * person still says Continue. Refuses what is not ours.
     */
    public boolean acceptLink(String text) {
        return accept(verificationLink.read(text), false);
    }

    /** Takes a code from a QR the person scanned with the camera: straight on to the confirmation. */
    public boolean acceptScanned(String text) {
        return accept(verificationLink.read(text), true);
    }

    /**
     * A QR of ours, scanned by the person on purpose, goes on to the confirmation at once (one action fewer: Approve
     * is still needed there); a clicked link only fills the code.
     */
    private boolean accept(VerificationLink.Scanned read, boolean scanned) {
        return switch (read) {
            case VerificationLink.Scanned.Code(UserCode ours) -> {
                startOver();
                code.set(ours.display());
                if (scanned) {
                    lookUp();
                }
                yield true;
            }
            case VerificationLink.Scanned.Refused refused -> {
                error.set(Messages.get(refused.messageKey(), refused.messageArguments()));
                yield false;
            }
        };
    }

    /** Reads the QR in a picture file and fills the code from it, or says why not. */
    public void scanFile(Path file) {
        scan(() -> Picture.file(file), Messages.get("link.scan.none", file.getFileName()),
                e -> Messages.get("link.scan.unreadable", file.getFileName(), e.getMessage()));
    }

    /** Reads the QR in a pasted screenshot (ARGB pixels, row by row). */
    public void scanPasted(int[] argb, int width, int height) {
        scan(() -> Picture.of(argb, width, height), Messages.get("link.paste.none"), e -> Messages.get("error.unexpected", e.getMessage()));
    }

    /**
     * Reads the whole screen, as {@code capture} takes it: ours fills the code; a screen without a code of ours goes
     * to {@code withoutOurs}, where the person can point at the code. A failed capture says why in its own words.
     */
    public void scanScreen(Callable<FrameSource> capture, Consumer<FrameSource.Frame> withoutOurs) {
        read(capture, (frame, texts) -> {
            if (!texts.isEmpty() && verificationLink.readAny(texts) instanceof VerificationLink.Scanned.Code ours) {
                accept(ours, true);
            } else {
                withoutOurs.accept(frame);
            }
        }, Throwable::getMessage);
    }

    /** Reads the part of the screen the person pointed at. */
    public void scanRegion(FrameSource.Frame region) {
        scan(() -> Picture.of(region), Messages.get("link.screen.none"), Throwable::getMessage);
    }

    /**
     * Reads the QR codes of a still picture and fills the code from ours among them; when none is ours, the first is
     * refused with its warning. Says {@code whenNone} when there is no QR, {@code whenFailed} of the error otherwise.
     */
    private void scan(Callable<FrameSource> open, String whenNone, Function<Throwable, String> whenFailed) {
        read(open, (frame, texts) -> {
            if (texts.isEmpty()) {
                error.set(whenNone);
            } else {
                accept(verificationLink.readAny(texts), true);
            }
        }, whenFailed);
    }

    /** The first frame of the source and the texts of its codes, read off the UI thread; {@code then} on it. */
    private void read(Callable<FrameSource> open, BiConsumer<FrameSource.Frame, List<String>> then, Function<Throwable,
            String> whenFailed) {
        record Read(FrameSource.Frame frame, List<String> texts) {}
        executor.run(busy, () -> {
            try (FrameSource source = open.call()) {
                var frame = source.next().orElseThrow(() -> new FrameSource.ScanFailure(Messages.get("scan.nothing")));
                return new Read(frame, QrDecoder.readAll(frame).stream().map(QrDecoder.Found::text).toList());
            }
        }, read -> then.accept(read.frame(), read.texts()), e -> error.set(whenFailed.apply(e)));
    }

    /** Counts the confirmation down, by the clock; the view calls it every second. */
    public void tick() {
        secondsLeft.set(Math.max(0, Duration.between(clock.instant(), deadline).toSeconds()));
        word();
    }

    /** The confirmation's sentences for the code, the chosen owner and the time left. */
    private void word() {
        PendingLink link = pending.get();
        confirmation.set(link == null ? null : LinkWording.confirmation(link, owner.get(), clock.instant()));
    }

    private static LinkWording.Outcome words(LinkOutcome outcome) {
        return switch (outcome) {
            case LinkOutcome.Linked linked -> LinkWording.linked(linked.device());
            case LinkOutcome.AwaitingParent waiting -> LinkWording.awaitingParent(waiting.deviceName(), false);
            case LinkOutcome.ParentDecided decided -> LinkWording.parentDecided(decided.status(), decided.deviceName());
            case LinkOutcome.Denied denied -> LinkWording.denied(denied.reported());
            case LinkOutcome.Failed failed -> LinkWording.failed(failed.message());
        };
    }

    private void finish(LinkOutcome result) {
        outcome.set(result);
        stage.set(Stage.RESULT);
    }

    private static String typingHint(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        return switch (UserCode.parse(typed)) {
            case UserCode.Parsed.Invalid invalid when invalid.problem() != UserCode.Problem.TOO_SHORT ->
                    Messages.get(invalid.messageKey(), invalid.messageArguments());
            default -> "";
        };
    }

    private static String message(Throwable e) {
        if (e instanceof ApiFailure failure && failure.type().orElse(null) == ProblemType.UNAUTHENTICATED) {
            return Messages.get("signin.ended");
        }
        return Problems.message(e);
    }
}
