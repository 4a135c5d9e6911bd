package org.devicelink.app.link;

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
import org.devicelink.app.Background;
import org.devicelink.app.Messages;
import org.devicelink.app.client.ApiFailure;
import org.devicelink.app.client.LinkApi;
import org.devicelink.app.client.Problems;
import org.devicelink.app.scan.FrameSource;
import org.devicelink.app.scan.QrDecoder;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;

/**
 * The link flow: type or scan a code, see what is asking, approve or deny, see how it ended. Codes are checked
 * here as they are typed (no server round trip for a typo); the server is asked only for a well-formed code.
 */
public final class LinkViewModel {

    public enum Stage { ENTER, CONFIRM, RESULT }

    private final LinkApi api;
    private final VerificationLink verificationLink;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.ENTER);
    private final ObjectProperty<PendingLink> pending = new SimpleObjectProperty<>();
    private final ObjectProperty<LinkOutcome> outcome = new SimpleObjectProperty<>();
    private final LongProperty secondsLeft = new SimpleLongProperty();
    private final BooleanBinding codeComplete;
    private final List<Consumer<LinkedDevice>> linkedListeners = new ArrayList<>();
    private Instant deadline = Instant.MAX;
    private UserCode confirmedCode;

    public LinkViewModel(LinkApi api, VerificationLink verificationLink) {
        this.api = api;
        this.verificationLink = verificationLink;
        code.addListener((o, old, now) -> {
            error.set("");
            hint.set(typingHint(now));
        });
        codeComplete = Bindings.createBooleanBinding(() -> UserCode.tryParse(code.get()).isPresent(), code);
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
            error.set(invalid.message());
            return;
        }
        UserCode userCode = ((UserCode.Parsed.Valid) parsed).code();
        Background.run(busy, () -> api.lookup(userCode), link -> {
            confirmedCode = userCode;
            deadline = Instant.now().plusSeconds(link.secondsLeft());
            pending.set(link);
            tick(Instant.now());
            stage.set(Stage.CONFIRM);
        }, e -> error.set(message(e)));
    }

    public void approve() {
        Background.run(busy, () -> api.approve(confirmedCode), device -> {
            finish(new LinkOutcome.Linked(device));
            linkedListeners.forEach(listener -> listener.accept(device));
        }, e -> finish(new LinkOutcome.Failed(message(e), e instanceof ApiFailure f && f.unreachable())));
    }

    /** Deny; {@code report} is "I didn't start this". */
    public void deny(boolean report) {
        Background.run(busy, () -> {
            api.deny(confirmedCode, report);
            return report;
        }, reported -> finish(new LinkOutcome.Denied(reported)), e -> finish(new LinkOutcome.Failed(message(e), false)));
    }

    /** Back to an empty code field. */
    public void startOver() {
        pending.set(null);
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

    /** Fills the code from a scanned QR or a clicked {@code devicelink://} link; refuses what is not ours. */
    public boolean acceptLink(String text) {
        return accept(verificationLink.read(text));
    }

    private boolean accept(VerificationLink.Scanned read) {
        return switch (read) {
            case VerificationLink.Scanned.Code(UserCode scanned) -> {
                startOver();
                code.set(scanned.display());
                yield true;
            }
            case VerificationLink.Scanned.Refused refused -> {
                error.set(refused.reason());
                yield false;
            }
        };
    }

    /**
     * Reads the QR codes in the first frame of a source off the JavaFX thread (a picture file, a pasted screenshot)
     * and fills the code from ours among them; when none is ours, the first is refused with its warning. Says
     * {@code whenNone} when there is no QR, or {@code whenFailed} of the error when the source cannot be read.
     */
    public void scan(Callable<FrameSource> open, String whenNone, Function<Exception, String> whenFailed) {
        read(open, (frame, texts) -> {
            if (texts.isEmpty()) {
                error.set(whenNone);
            } else {
                accept(verificationLink.readAny(texts));
            }
        }, whenFailed);
    }

    /**
     * The same for a source where the person can point at the code next (the screen): ours fills the code; a frame
     * without a code of ours goes to {@code withoutOurs}.
     */
    public void scanForOurs(Callable<FrameSource> open, Consumer<FrameSource.Frame> withoutOurs, Function<Exception, String> whenFailed) {
        read(open, (frame, texts) -> {
            if (!texts.isEmpty() && verificationLink.readAny(texts) instanceof VerificationLink.Scanned.Code ours) {
                accept(ours);
            } else {
                withoutOurs.accept(frame);
            }
        }, whenFailed);
    }

    /** The first frame of the source and the texts of its codes, read off the JavaFX thread; {@code then} on it. */
    private void read(Callable<FrameSource> open, BiConsumer<FrameSource.Frame, List<String>> then, Function<Exception, String> whenFailed) {
        record Read(FrameSource.Frame frame, List<String> texts) {}
        Background.run(busy, () -> {
            try (FrameSource source = open.call()) {
                var frame = source.next().orElseThrow(() -> new FrameSource.ScanFailure(Messages.get("scan.nothing")));
                return new Read(frame, QrDecoder.readAll(frame));
            }
        }, read -> then.accept(read.frame(), read.texts()), e -> error.set(whenFailed.apply(e)));
    }

    /** Counts the confirmation down; the view calls it every second. */
    public void tick(Instant now) {
        secondsLeft.set(Math.max(0, Duration.between(now, deadline).toSeconds()));
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
            case UserCode.Parsed.Invalid invalid when invalid.problem() != UserCode.Problem.TOO_SHORT -> invalid.message();
            default -> "";
        };
    }

    private static String message(Exception e) {
        if (e instanceof ApiFailure failure) {
            if (failure.type().orElse(null) == ProblemType.UNAUTHENTICATED) {
                return Messages.get("signin.ended");
            }
            return Problems.message(failure);
        }
        return Messages.get("error.unexpected", e.getMessage());
    }
}
