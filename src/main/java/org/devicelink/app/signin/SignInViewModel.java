package org.devicelink.app.signin;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicelink.app.auth.CurrentSession;
import org.devicelink.app.auth.SavedAccount;
import org.devicelink.app.auth.Session;
import org.devicelink.app.auth.SignInFailure;
import org.devicelink.app.auth.SignInService;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.i18n.Messages;

/**
 * Who is signed in: the current session, the other accounts saved on this computer, and the actions that change
 * it. The session is mirrored into {@link CurrentSession}, which API calls read from their own threads.
 */
public final class SignInViewModel {

    private final SignInService signIn;
    private final CurrentSession current;
    private final OpenBrowserAction browser;
    private final Duration timeout;
    private final UiExecutor executor;
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final ObservableList<SavedAccount> accounts = FXCollections.observableArrayList();

    public SignInViewModel(SignInService signIn, CurrentSession current, OpenBrowserAction browser, Duration timeout,
                           UiExecutor executor) {
        this.signIn = signIn;
        this.current = current;
        this.browser = browser;
        this.timeout = timeout;
        this.executor = executor;
        session.addListener((o, old, now) -> current.set(now));
    }

    /** The signed-in person; null while nobody is. Changed on the UI thread only. */
    public ObjectProperty<Session> sessionProperty() {
        return session;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The address the browser was sent to, while a sign-in waits on it: to copy when no browser opened. */
    public StringProperty addressProperty() {
        return address;
    }

    public ObservableList<SavedAccount> accounts() {
        return accounts;
    }

    public String authority() {
        return signIn.authority();
    }

    /** At start-up: picks up the last sign-in without asking, when there is one. */
    public void resume() {
        executor.run(busy, () -> new Update(signIn.resume().orElse(null), signIn.accounts()), this::apply, this::fail);
    }

    /** Opens the browser to sign in (again, or with another account). */
    public void signInInteractively() {
        error.set("");
        OpenBrowserAction showing = url -> {
            executor.onUi(() -> address.set(url.toString()));
            browser.openBrowser(url);
        };
        executor.run(busy, () -> {
            Session signedIn = signIn.interactive(showing, timeout);
            return new Update(signedIn, signIn.accounts());
        }, update -> {
            address.set("");
            apply(update);
        }, e -> {
            address.set("");
            fail(e);
        });
    }

    /** Stops waiting for the browser at once (the person closed it, or none opened). */
    public void cancelSignIn() {
        signIn.cancelInteractive();
    }

    public void switchTo(SavedAccount account) {
        error.set("");
        executor.run(busy, () -> new Update(signIn.silent(account.accountId()), signIn.accounts()), this::apply, this::fail);
    }

    public void signOut() {
        Session signedIn = session.get();
        if (signedIn == null) {
            return;
        }
        executor.run(busy, () -> {
            signIn.signOut(signedIn.accountId());
            return new Update(null, signIn.accounts());
        }, this::apply, this::fail);
    }

    private record Update(Session session, List<SavedAccount> accounts) {}

    private void apply(Update update) {
        accounts.setAll(update.accounts());
        session.set(update.session());
    }

    private void fail(Throwable e) {
        error.set(e instanceof SignInFailure failure ? failure.getMessage() : Messages.get("signin.failed",
                String.valueOf(e.getMessage())));
    }
}
