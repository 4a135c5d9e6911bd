package org.devicelink.app.common;

import java.util.ArrayList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.FamilyMember;

/** How a family member is named on screen, and a parent's filter by member (Devices, Activity): "Everyone", then each. */
public final class MemberFilter {

    private MemberFilter() {}

    /** "Alex Morgan (you)" or "Sam Morgan". */
    public static String label(FamilyMember member) {
        return member.you() ? Messages.get("confirm.owner.you", member.name()) : member.name();
    }

    /**
     * A filter over {@code members}: null is everyone. It follows the family as it changes (back to everyone), writes
     * the choice to {@code chosen}, and shows only while {@code shown} (a parent's screen).
     */
    public static ComboBox<FamilyMember> create(String id, ObservableList<FamilyMember> members, ObjectProperty<FamilyMember> chosen,
                                                BooleanProperty shown) {
        var filter = new ComboBox<FamilyMember>();
        filter.setId(id);
        filter.setAccessibleText(Messages.get("devices.column.account")); // "Whose": what a screen reader says it filters by
        Runnable fill = () -> {
            var choices = new ArrayList<FamilyMember>();
            choices.add(null);
            choices.addAll(members);
            filter.getItems().setAll(choices);
            filter.setValue(null);
        };
        members.addListener((ListChangeListener<FamilyMember>) c -> fill.run());
        fill.run();
        filter.valueProperty().bindBidirectional(chosen);
        filter.setButtonCell(cell());
        filter.setCellFactory(list -> cell());
        filter.visibleProperty().bind(shown);
        filter.managedProperty().bind(shown);
        return filter;
    }

    private static ListCell<FamilyMember> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FamilyMember member, boolean empty) {
                super.updateItem(member, empty);
                setText(empty ? null : member == null ? Messages.get("devices.everyone") : label(member));
            }
        };
    }
}
