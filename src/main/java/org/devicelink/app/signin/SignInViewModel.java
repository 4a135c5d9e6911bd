package org.devicelink.app.signin;

import com.microsoft.aad.msal4j.IAccount;
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
import org.devicelink.app.Background;
import org.devicelink.app.Messages;
import org.devicelink.app.auth.Session;
import org.devicelink.app.auth.SignIn;
import org.devicelink.app.auth.SignInFailure;
import org.devicelink.app.client.LinkApi;

/**
 * Who is signed in: the current session, the other accounts saved on this computer, and the actions that change
 * it. It is also where API calls get their access token from, refreshed by MSAL when due.
 */
public final class SignInViewModel implements LinkApi.Tokens {

    /** A saved account, as the account menu lists it. */
    public record SavedAccount(String accountId, String username) {}

    private final SignIn signIn;
    private final OpenBrowserAction browser;
    private final Duration timeout;
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<SavedAccount> accounts = FXCollections.observableArrayList();

    public SignInViewModel(SignIn signIn, OpenBrowserAction browser, Duration timeout) {
        this.signIn = signIn;
        this.browser = browser;
        this.timeout = timeout;
    }

    public ObjectProperty<Session> sessionProperty() {
        return session;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<SavedAccount> accounts() {
        return accounts;
    }

    public String authority() {
        return signIn.settings().authority();
    }

    /** At start-up: picks up the last sign-in without asking, when there is one. */
    public void resume() {
        Background.run(busy, () -> {
            var resumed = signIn.resume();
            return new Update(resumed.orElse(null), saved());
        }, this::apply, this::fail);
    }

    /** Opens the browser to sign in (again, or with another account). */
    public void signInInteractively() {
        error.set("");
        Background.run(busy, () -> {
            Session signedIn = signIn.interactive(browser, timeout);
            return new Update(signedIn, saved());
        }, this::apply, this::fail);
    }

    public void switchTo(SavedAccount account) {
        error.set("");
        Background.run(busy, () -> {
            IAccount msalAccount = find(account.accountId());
            return new Update(signIn.silent(msalAccount), saved());
        }, this::apply, this::fail);
    }

    public void signOut() {
        Session current = session.get();
        if (current == null) {
            return;
        }
        Background.run(busy, () -> {
            signIn.signOut(current.accountId());
            return new Update(null, saved());
        }, this::apply, this::fail);
    }

    /** For API calls, on a worker thread: the current person's token, refreshed when about to expire. */
    @Override
    public String accessToken() throws SignInFailure {
        Session current = session.get();
        if (current == null) {
            throw new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, Messages.get("signin.required"), null);
        }
        return signIn.silent(find(current.accountId())).accessToken();
    }

    private record Update(Session session, List<SavedAccount> accounts) {}

    private void apply(Update update) {
        accounts.setAll(update.accounts());
        session.set(update.session());
    }

    private void fail(Exception e) {
        error.set(e instanceof SignInFailure failure ? failure.getMessage() : Messages.get("signin.failed", e.getMessage()));
    }

    private IAccount find(String accountId) throws SignInFailure {
        return signIn.accounts().stream().filter(a -> a.homeAccountId().equals(accountId)).findFirst()
                .orElseThrow(() -> new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, Messages.get("signin.required"), null));
    }

    private List<SavedAccount> saved() throws SignInFailure {
        return signIn.accounts().stream().map(a -> new SavedAccount(a.homeAccountId(), a.username())).toList();
    }
}
