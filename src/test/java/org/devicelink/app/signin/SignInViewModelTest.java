package org.devicelink.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicelink.app.auth.CurrentSession;
import org.devicelink.app.auth.SavedAccount;
import org.devicelink.app.auth.Session;
import org.devicelink.app.auth.SignInFailure;
import org.devicelink.app.auth.SignInService;
import org.devicelink.testing.TestExecutors;
import org.junit.jupiter.api.Test;

/** The sign-in screen's view model on the calling thread, over a provider that answers what the test says. */
class SignInViewModelTest {

    static Session session(String id, String name) {
        return new Session(id, id, name, "token-of-" + id, Instant.now().plusSeconds(3600), Duration.ZERO);
    }

    /** A provider with accounts saved on "this computer"; interactive sign-in gives {@code next} or throws {@code failure}. */
    static final class Provider implements SignInService {
        final List<Session> saved = new ArrayList<>();
        Session next;
        Throwable failure;
        int silentCalls;

        @Override
        public String authority() {
            return "https://login.example.org/idp";
        }

        Runnable whileWaiting = () -> { };
        boolean cancelled;

        @Override
        public void cancelInteractive() {
            cancelled = true;
        }

        @Override
        public Session interactive(OpenBrowserAction browser, Duration timeout) throws SignInFailure {
            try {
                browser.openBrowser(URI.create(authority() + "/authorize?state=1").toURL());
            } catch (MalformedURLException e) {
                throw new AssertionError(e);
            }
            whileWaiting.run();
            if (cancelled) {
                throw new SignInFailure(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT, "signin.failure.cancelled-or-timed-out");
            }
            if (failure instanceof SignInFailure f) {
                throw f;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            saved.add(next);
            return next;
        }

        @Override
        public List<SavedAccount> accounts() {
            return saved.stream().map(s -> new SavedAccount(s.accountId(), s.username())).toList();
        }

        @Override
        public Session silent(String accountId) throws SignInFailure {
            silentCalls++;
            return saved.stream().filter(s -> s.accountId().equals(accountId)).findFirst()
                    .orElseThrow(() -> new SignInFailure(SignInFailure.Kind.SIGN_IN_AGAIN, (Throwable) null));
        }

        @Override
        public Optional<Session> resume() {
            return saved.stream().findFirst();
        }

        @Override
        public void signOut(String accountId) {
            saved.removeIf(s -> s.accountId().equals(accountId));
        }
    }

    final Provider provider = new Provider();
    final CurrentSession current = new CurrentSession(provider);
    final SignInViewModel model = new SignInViewModel(provider, current, url -> { }, Duration.ofSeconds(5), TestExecutors.callingThread());

    @Test
    void whileTheBrowserIsAwaitedItsAddressCanBeCopiedAndCancelEndsTheWaitAtOnce() {
        provider.next = session("alex", "Alex Morgan");
        var seen = new ArrayList<String>();
        provider.whileWaiting = () -> {
            seen.add(model.addressProperty().get());
            seen.add(Boolean.toString(model.busyProperty().get()));
            model.cancelSignIn();
        };
        model.signInInteractively();
        assertThat(seen).containsExactly("https://login.example.org/idp/authorize?state=1", "true");
        assertThat(model.errorProperty().get()).isEqualTo("Sign-in was cancelled or did not finish in time. Try again when you are ready.");
        assertThat(model.addressProperty().get()).as("nothing to copy once the wait is over").isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.sessionProperty().get()).isNull();
    }

    @Test
    void atStartTheLastSignInIsResumedWithoutAsking() throws Exception {
        provider.saved.add(session("alex", "Alex Morgan"));
        model.resume();
        assertThat(model.sessionProperty().get().displayName()).isEqualTo("Alex Morgan");
        assertThat(current.get()).isEqualTo(model.sessionProperty().get());
        assertThat(current.accessToken()).isEqualTo("token-of-alex");
        assertThat(model.accounts()).extracting(SavedAccount::username).containsExactly("alex");
    }

    @Test
    void withNobodySavedTheSignInScreenStaysAndSaysNothingWrong() {
        model.resume();
        assertThat(model.sessionProperty().get()).isNull();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThatThrownBy(current::accessToken).isInstanceOfSatisfying(SignInFailure.class,
                e -> assertThat(e.kind()).isEqualTo(SignInFailure.Kind.SIGN_IN_AGAIN));
    }

    @Test
    void aCancelledSignInSaysSoAndTheScreenIsFreeAgain() {
        provider.failure = new SignInFailure(SignInFailure.Kind.CANCELLED_OR_TIMED_OUT, (Throwable) null);
        model.signInInteractively();
        assertThat(model.errorProperty().get()).isEqualTo("Sign-in was cancelled or did not finish in time. Try again when you are ready.");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.sessionProperty().get()).isNull();
    }

    @Test
    void anErrorDuringSignInFreesTheScreen() {
        provider.failure = new NoClassDefFoundError("com/sun/jna/Native");
        model.signInInteractively();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Sign-in failed: com/sun/jna/Native");
    }

    @Test
    void twoPeopleSwitchAndSignOut() {
        provider.next = session("alex", "Alex Morgan");
        model.signInInteractively();
        provider.next = session("sam", "Sam Morgan");
        model.signInInteractively();
        assertThat(model.sessionProperty().get().displayName()).isEqualTo("Sam Morgan");
        assertThat(model.accounts()).extracting(SavedAccount::accountId).containsExactly("alex", "sam");
        model.switchTo(model.accounts().getFirst());
        assertThat(model.sessionProperty().get().displayName()).isEqualTo("Alex Morgan");
        assertThat(current.get().accountId()).isEqualTo("alex");
        model.signOut();
        assertThat(model.sessionProperty().get()).isNull();
        assertThat(current.get()).isNull();
        assertThat(model.accounts()).extracting(SavedAccount::accountId).containsExactly("sam");
    }

    @Test
    void theClockOfThisComputerIsNamedWhenItIsFarOff() {
        var behind = new SignInFailure(SignInFailure.Kind.CLOCK_WRONG, "signin.failure.clock-behind", "2 hours");
        assertThat(behind.getMessage()).isEqualTo("This computer's clock is 2 hours behind the sign-in service's. "
                + "Set the clock to update automatically, then sign in again.");
    }
}
