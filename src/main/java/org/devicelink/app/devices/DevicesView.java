package org.devicelink.app.devices;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.devicelink.app.common.Language;
import org.devicelink.app.common.MemberFilter;
import org.devicelink.app.common.ToolbarRow;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.LinkedDevice;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The devices table: sort by any column, filter, rename in place (double-click or F2), unlink with confirmation. */
public final class DevicesView {

    private final VBox root = new VBox(12);
    private final TableView<LinkedDevice> table = new TableView<>();

    public DevicesView(DevicesViewModel model, ObservableList<FamilyMember> members, Supplier<Window> window) {
        var title = new Label();
        title.getStyleClass().add("title-1");
        title.textProperty().bind(Bindings.when(model.familyProperty()).then(Messages.get("devices.title.family"))
                .otherwise(Messages.get("devices.title")));

        // a parent's filter: everyone's devices, or one member's
        var whose = MemberFilter.create("memberFilter", members, model.memberProperty(), model.familyProperty());

        var search = new TextField();
        search.setId("deviceFilter");
        search.setAccessibleText(Messages.get("devices.filter")); // a prompt is gone once something is typed; a name stays
        search.setPromptText(Messages.get("devices.filter"));
        search.setPrefColumnCount(16);
        search.setMinWidth(160); // room for a name; narrower, the buttons move to a row of their own
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.textProperty().bindBidirectional(model.filterProperty());
        var ended = new CheckBox(Messages.get("devices.showEnded"));
        ended.setId("showEnded");
        ended.selectedProperty().bindBidirectional(model.showEndedProperty());
        var refresh = new Button(Messages.get("devices.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshButton");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        var rename = new Button(Messages.get("devices.rename"), new FontIcon(Feather.EDIT_2));
        rename.setId("renameButton");
        var unlink = new Button(Messages.get("devices.unlink"), new FontIcon(Feather.LINK_2));
        unlink.setId("unlinkButton");
        unlink.getStyleClass().add("danger");
        var progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        for (var control : List.of(whose, ended, refresh, rename, unlink)) {
            control.setMinWidth(Region.USE_PREF_SIZE); // the search field gives way, never a button's words
        }
        var filters = new HBox(10, search, whose, ended);
        filters.setAlignment(Pos.CENTER_LEFT);
        var actions = new HBox(10, progress, refresh, rename, unlink);
        actions.setAlignment(Pos.CENTER_RIGHT);
        var toolbar = new ToolbarRow(10, filters, actions);

        table.setId("devicesTable");
        table.setAccessibleText(Messages.get("devices.title"));
        table.setEditable(true);
        var name = column("devices.column.device", LinkedDevice::name);
        name.setId("nameColumn");
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setEditable(true);
        name.setOnEditCommit(e -> model.rename(e.getRowValue(), e.getNewValue()));
        var device = column("devices.column.model", d -> d.model() == null ? "" : d.model());
        var app = column("devices.column.app", LinkedDevice::appName);
        var linkedOn = instantColumn("devices.column.linked", LinkedDevice::linkedAt);
        var lastActive = instantColumn("devices.column.active", LinkedDevice::lastActiveAt);
        var status = column("devices.column.status", d -> Messages.get("devices.status." + d.status().wire()));
        var owner = column("devices.column.account", d -> d.accountName() == null ? "" : d.accountName());
        owner.setId("accountColumn");
        owner.visibleProperty().bind(model.familyProperty());
        owner.setPrefWidth(115);
        name.setPrefWidth(160);
        device.setPrefWidth(110);
        app.setPrefWidth(150);
        linkedOn.setPrefWidth(160); // a moment with the month's name (right to left) is longer than 12/7/26
        lastActive.setPrefWidth(160);
        status.setPrefWidth(75);
        status.setId("statusColumn");
        table.getColumns().setAll(List.of(name, owner, device, app, linkedOn, lastActive, status));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        var empty = new Label(Messages.get("devices.empty"));
        empty.setWrapText(true);
        empty.setId("devicesEmpty");
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);

        var selectedActive = table.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> {
                    var selected = table.getSelectionModel().getSelectedItem();
                    return selected == null || selected.status() != DeviceStatus.ACTIVE;
                }, table.getSelectionModel().selectedItemProperty()));
        unlink.disableProperty().bind(selectedActive.or(model.busyProperty()));
        rename.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        rename.setOnAction(e -> table.edit(table.getSelectionModel().getSelectedIndex(), name));
        unlink.setOnAction(e -> confirmUnlink(model, table.getSelectionModel().getSelectedItem(), window.get()));
        // keyboard: F2 renames the selected device, Delete unlinks it (after the same confirmation)
        table.setOnKeyPressed(e -> {
            if (table.getEditingCell() != null) {
                return;
            }
            if (e.getCode() == KeyCode.F2 && !rename.isDisabled()) {
                rename.fire();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && !unlink.isDisabled()) {
                unlink.fire();
                e.consume();
            }
        });

        var error = new Label();
        error.setId("devicesError");
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        var statusLine = new Label();
        statusLine.setId("devicesStatus");
        statusLine.getStyleClass().add("text-muted");
        statusLine.textProperty().bind(model.statusProperty());

        var signOutAll = new Button(Messages.get("devices.sign-out-all"), new FontIcon(Feather.LOG_OUT));
        signOutAll.setId("signOutAllButton");
        signOutAll.getStyleClass().add("danger");
        signOutAll.setMinWidth(Region.USE_PREF_SIZE);
        signOutAll.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(
                () -> model.signOutScope(members).devices() == 0, model.all(), model.memberProperty(), members)));
        signOutAll.setOnAction(e -> confirmSignOutAll(model, model.signOutScope(members), window.get()));
        var bottomSpacer = new Region();
        HBox.setHgrow(bottomSpacer, Priority.ALWAYS);
        var bottom = new HBox(10, statusLine, bottomSpacer, signOutAll);
        bottom.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(title, toolbar, table, error, bottom);
        root.setId("devicesScreen");
        root.getStyleClass().add("screen");
    }

    /** "Unlink Kitchen TV?" — names the device and says what happens to it. */
    static void confirmUnlink(DevicesViewModel model, LinkedDevice device, Window owner) {
        if (device == null) {
            return;
        }
        var unlink = new ButtonType(Messages.get("devices.unlink.confirm"), ButtonBar.ButtonData.OK_DONE);
        var cancel = new ButtonType(Messages.get("devices.unlink.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("devices.unlink.detail", device.name()), unlink, cancel);
        alert.initOwner(owner);
        alert.getDialogPane().setNodeOrientation(Language.direction());
        alert.setTitle(Messages.get("devices.unlink.title"));
        alert.setHeaderText(Messages.get("devices.unlink.header", device.name()));
        alert.getDialogPane().setId("unlinkDialog");
        alert.showAndWait().filter(unlink::equals).ifPresent(b -> model.unlink(device));
    }

    /** "Sign out of all 3 devices?" — names how many, and whose when a parent does it for a child. */
    static void confirmSignOutAll(DevicesViewModel model, DevicesViewModel.SignOutScope scope, Window owner) {
        var signOut = new ButtonType(Messages.get("devices.sign-out-all.confirm"), ButtonBar.ButtonData.OK_DONE);
        var cancel = new ButtonType(Messages.get("devices.unlink.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("devices.sign-out-all.detail"), signOut, cancel);
        alert.initOwner(owner);
        alert.getDialogPane().setNodeOrientation(Language.direction());
        alert.setTitle(Messages.get("devices.sign-out-all.title"));
        alert.setHeaderText(scope.childName() == null ? Messages.get("devices.sign-out-all.header", scope.devices())
                : Messages.get("devices.sign-out-all.header.child", scope.childName(), scope.devices()));
        alert.getDialogPane().setId("signOutAllDialog");
        // Cancel is the default: Enter alone never signs everything out
        ((Button) alert.getDialogPane().lookupButton(signOut)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        alert.showAndWait().filter(signOut::equals).ifPresent(b -> model.signOutEverywhere(scope.member()));
    }

    public Parent root() {
        return root;
    }

    public TableView<LinkedDevice> table() {
        return table;
    }

    private static TableColumn<LinkedDevice, String> column(String key, Function<LinkedDevice, String> value) {
        var column = new TableColumn<LinkedDevice, String>(Messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setEditable(false);
        return column;
    }

    private static TableColumn<LinkedDevice, Instant> instantColumn(String key, Function<LinkedDevice, Instant> value) {
        var column = new TableColumn<LinkedDevice, Instant>(Messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Messages.get("devices.never") : Messages.moment(item, false));
            }
        });
        column.setEditable(false);
        return column;
    }
}
