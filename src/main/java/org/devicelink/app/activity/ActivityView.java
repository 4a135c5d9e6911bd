package org.devicelink.app.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicelink.app.common.MemberFilter;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ActivityEntry;
import org.devicelink.protocol.FamilyMember;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Activity screen: what happened to the account's devices and requests, newest first, filterable. */
public final class ActivityView {

    private final VBox root = new VBox(12);

    public ActivityView(ActivityViewModel model, ObservableList<FamilyMember> members) {
        var title = new Label(Messages.get("activity.title"));
        title.getStyleClass().add("title-1");

        var what = new ComboBox<String>();
        what.setId("activityKind");
        what.setAccessibleText(Messages.get("activity.column.what"));
        what.setPrefWidth(280); // the longest kind's words would stretch it across the toolbar
        var kinds = new ArrayList<String>();
        kinds.add(null);
        kinds.addAll(ActivityViewModel.KINDS);
        what.getItems().setAll(kinds);
        what.valueProperty().bindBidirectional(model.kindProperty());
        what.setButtonCell(kindCell());
        what.setCellFactory(list -> kindCell());

        var whose = MemberFilter.create("activityMember", members, model.memberProperty(), model.familyProperty());

        var refresh = new Button(Messages.get("devices.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("activityRefresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        var progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var toolbar = new HBox(10, what, whose, spacer, progress, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        var table = new TableView<ActivityEntry>(model.shown());
        table.setId("activityTable");
        table.setAccessibleText(Messages.get("activity.title"));
        var when = new TableColumn<ActivityEntry, Instant>(Messages.get("activity.column.when"));
        when.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().at()));
        when.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Messages.moment(item, false));
            }
        });
        when.setPrefWidth(140);
        var owner = column("activity.column.whose", e -> e.accountName() == null ? "" : e.accountName());
        owner.visibleProperty().bind(model.familyProperty());
        owner.setPrefWidth(120);
        var happened = column("activity.column.what", ActivityView::sentence);
        happened.setId("activityWhat");
        happened.setPrefWidth(420);
        var device = column("activity.column.device", e -> e.deviceName() == null ? "" : e.deviceName());
        device.setPrefWidth(170);
        table.getColumns().setAll(List.of(when, owner, happened, device));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var empty = new Label(Messages.get("activity.empty"));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);

        var error = new Label();
        error.setId("activityError");
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));

        root.getChildren().addAll(title, toolbar, table, error);
        root.setId("activityScreen");
        root.getStyleClass().add("screen");
    }

    public Parent root() {
        return root;
    }

    /** "Linked by Alex Morgan", "Renamed to Bedroom TV", "Viewed by support: customer called about …". */
    public static String sentence(ActivityEntry entry) {
        String key = "activity.kind." + entry.kind();
        if (!Messages.has(key)) {
            return entry.kind();
        }
        if (entry.detail() != null && Messages.has(key + ".detail")) {
            return Messages.get(key + ".detail", entry.detail());
        }
        return Messages.get(key);
    }

    private static TableColumn<ActivityEntry, String> column(String key, Function<ActivityEntry, String> value) {
        var column = new TableColumn<ActivityEntry, String>(Messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static ListCell<String> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String kind, boolean empty) {
                super.updateItem(kind, empty);
                setText(empty ? null : kind == null ? Messages.get("activity.everything") : Messages.get("activity.kind." + kind));
            }
        };
    }
}
