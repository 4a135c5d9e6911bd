package org.devicelink.app.support;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicelink.app.client.LinkApi;
import org.devicelink.app.client.Problems;
import org.devicelink.app.common.UiExecutor;
import org.devicelink.code.UserCode;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.CodeStory;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.Role;
import org.devicelink.protocol.SupportLookup;

/**
 * The Support screen's model, for the support role: a code a customer reads out, checked as the Link screen checks
 * one (a typo is said at once, no lookup spent), then its story; with a written reason, the customer's devices.
 */
public final class SupportViewModel {

    private final LinkApi api;
    private final UiExecutor executor;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<CodeStory> story = new SimpleObjectProperty<>();
    private final ObservableList<LinkedDevice> customerDevices = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding reasonGiven;

    public SupportViewModel(LinkApi api, UiExecutor executor) {
        this.api = api;
        this.executor = executor;
        code.addListener((o, old, now) -> error.set(""));
        reasonGiven = Bindings.createBooleanBinding(() -> {
            int length = reason.get() == null ? 0 : reason.get().strip().length();
            return length >= SupportLookup.MIN_REASON && length <= SupportLookup.MAX_REASON;
        }, reason);
    }

    /** Whether the signed-in account is support staff: the Support tab shows only then. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** A reason long enough to write down (and short enough to keep). */
    public BooleanBinding reasonGivenProperty() {
        return reasonGiven;
    }

    public ObjectProperty<CodeStory> storyProperty() {
        return story;
    }

    public ObservableList<LinkedDevice> customerDevices() {
        return customerDevices;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Asks the server who the signed-in person is; forgets everything shown for the last one. */
    public void signedIn(boolean signedIn) {
        story.set(null);
        customerDevices.clear();
        code.set("");
        reason.set("");
        enabled.set(false);
        if (signedIn) {
            executor.run(null, api::me, me -> enabled.set(me.roles().contains(Role.SUPPORT)), e -> enabled.set(false));
        }
    }

    public void lookUp() {
        UserCode parsed = switch (UserCode.parse(code.get())) {
            case UserCode.Parsed.Valid(UserCode c) -> c;
            case UserCode.Parsed.Invalid invalid -> {
                error.set(Messages.get(invalid.messageKey(), invalid.messageArguments()));
                yield null;
            }
        };
        if (parsed == null) {
            return;
        }
        error.set("");
        customerDevices.clear();
        executor.run(busy, () -> api.lookUpForSupport(parsed), story::set, e -> error.set(Problems.message(e)));
    }

    /** The customer's devices, for the reason written: the customer sees the reason in their activity. */
    public void showCustomerDevices() {
        CodeStory current = story.get();
        if (current == null || current.customerId() == null || !reasonGiven.get()) {
            return;
        }
        String why = reason.get().strip();
        executor.run(busy, () -> api.customerDevices(current.customerId(), why), customerDevices::setAll,
                e -> error.set(Problems.message(e)));
    }
}
