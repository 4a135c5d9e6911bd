package org.devicelink.app;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.devicelink.app.activity.ActivityView;
import org.devicelink.app.auth.Session;
import org.devicelink.app.demo.DemoDevice;
import org.devicelink.app.devices.DevicesView;
import org.devicelink.app.family.RequestsView;
import org.devicelink.app.link.LinkScreen;
import org.devicelink.app.settings.SettingsView;
import org.devicelink.app.signin.SignInView;
import org.devicelink.app.support.SupportView;
import org.devicelink.i18n.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The companion's window: a header that always shows which server and which account are in use, and below it
 * either the sign-in screen or the tabs (Link a device, Devices, Settings).
 */
public final class MainWindow {

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab linkTab;
    private final Tab devicesTab;
    private final Tab requestsTab;
    private Window window;

    public MainWindow(Companion companion, Duration demoRefresh) {
        var signInView = new SignInView(companion.signIn(), companion.server().local() ? Messages.get("signin.demo")
                : Messages.get("signin.where", URI.create(companion.signIn().authority()).getHost()));
        var linkScreen = new LinkScreen(companion.link(), () -> window, this::showDevices, companion.scanSources(), companion.executor());
        var devicesView = new DevicesView(companion.devices(), companion.family().members(), () -> window);
        var settingsView = new SettingsView(companion.settings(), companion.linking(), companion.family().members(),
                companion.family().parentProperty());
        var requestsView = new RequestsView(companion.family());
        var activityTab = tab(Messages.get("tab.activity"), Feather.CLOCK,
                new ActivityView(companion.activity(), companion.family().members()).root(), "activityTab");
        activityTab.setOnSelectionChanged(e -> {
            if (activityTab.isSelected()) {
                companion.activity().refresh();
            }
        });
        var supportTab = tab(Messages.get("tab.support"), Feather.LIFE_BUOY, new SupportView(companion.support()).root(), "supportTab");

        linkTab = tab(Messages.get("tab.link"), Feather.LINK, linkScreen.root(), "linkTab");
        devicesTab = tab(Messages.get("tab.devices"), Feather.MONITOR, devicesView.root(), "devicesTab");
        var settingsTab = tab(Messages.get("tab.settings"), Feather.SETTINGS, settingsView.root(), "settingsTab");
        requestsTab = tab(Messages.get("tab.requests"), Feather.BELL, requestsView.root(), "requestsTab");
        var badge = new Label();
        badge.setId("requestsBadge");
        badge.getStyleClass().add("badge");
        badge.textProperty().bind(Bindings.size(companion.family().requests()).asString());
        badge.visibleProperty().bind(Bindings.isNotEmpty(companion.family().requests()));
        badge.managedProperty().bind(badge.visibleProperty()); // no gap beside the bell when nothing waits
        var requestsTitle = new HBox(6, new FontIcon(Feather.BELL), badge);
        requestsTitle.setAlignment(Pos.CENTER_LEFT);
        requestsTab.setGraphic(requestsTitle);
        tabs.getTabs().setAll(linkTab, devicesTab, activityTab, settingsTab);
        // only support staff verify codes, and only a parent has requests to decide: those tabs come and go with the role
        companion.support().enabledProperty().addListener((o, was, support) -> {
            if (support && !tabs.getTabs().contains(supportTab)) {
                tabs.getTabs().add(tabs.getTabs().size() - 1, supportTab);
            } else if (!support) {
                tabs.getTabs().remove(supportTab);
            }
        });
        companion.family().parentProperty().addListener((o, was, parent) -> {
            if (parent && !tabs.getTabs().contains(requestsTab)) {
                tabs.getTabs().add(2, requestsTab);
            } else if (!parent) {
                tabs.getTabs().remove(requestsTab);
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        devicesTab.setOnSelectionChanged(e -> {
            if (devicesTab.isSelected()) {
                companion.devices().refresh();
            }
        });

        var content = new StackPane(signInView.root(), tabs);
        // only what shows takes room: a hidden sign-in screen must not keep the tabs from the narrowest window
        signInView.root().managedProperty().bind(signInView.root().visibleProperty());
        tabs.managedProperty().bind(tabs.visibleProperty());
        Runnable showSession = () -> {
            boolean signedIn = companion.signIn().sessionProperty().get() != null;
            signInView.root().setVisible(!signedIn);
            tabs.setVisible(signedIn);
        };
        companion.signIn().sessionProperty().addListener((o, old, session) -> {
            showSession.run();
            if (session != null && old == null && window instanceof Stage stage) {
                stage.toFront(); // back from the browser the person signed in with
            }
            if (session != null && (old == null || !old.accountId().equals(session.accountId()))) {
                companion.link().startOver();
                companion.devices().all().clear();
                companion.activity().all().clear();
                companion.devices().refresh();
                tabs.getSelectionModel().select(linkTab);
                linkScreen.focusCode();
            }
        });
        showSession.run();

        root.setTop(header(companion, demoRefresh));
        root.setCenter(content);
        root.setId("mainWindow");
    }

    public Parent root() {
        return root;
    }

    /** The window the dialogs belong to; set once the scene is on a stage. */
    public void setWindow(Window window) {
        this.window = window;
    }

    public void showDevices() {
        tabs.getSelectionModel().select(devicesTab);
    }

    public void showRequests() {
        tabs.getSelectionModel().select(requestsTab);
    }

    public void showLink() {
        tabs.getSelectionModel().select(linkTab);
    }

    /** Puts {@code other} beside the companion's window, so it covers nothing the person needs next (Scan, the code). */
    private static void placeBeside(Window other, Window window) {
        var screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(), window.getHeight());
        Rectangle2D area = (screen.isEmpty() ? Screen.getPrimary() : screen.getFirst()).getVisualBounds();
        Point2D at = beside(new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight()),
                other.getWidth(), other.getHeight(), area);
        other.setX(at.getX());
        other.setY(at.getY());
    }

    /**
     * Where a window {@code width} by {@code height} goes beside {@code owner} on a screen's {@code area}: to its right
     * where there is room, else to its left, else against the side with more room (covering as little as it can).
     * Top-aligned with the owner, and always on the screen.
     */
    static Point2D beside(Rectangle2D owner, double width, double height, Rectangle2D area) {
        double gap = 12;
        double right = owner.getMaxX() + gap;
        double left = owner.getMinX() - gap - width;
        double x;
        if (right + width <= area.getMaxX()) {
            x = right;
        } else if (left >= area.getMinX()) {
            x = left;
        } else {
            x = area.getMaxX() - owner.getMaxX() >= owner.getMinX() - area.getMinX() ? area.getMaxX() - width : area.getMinX();
        }
        double y = Math.max(area.getMinY(), Math.min(owner.getMinY(), area.getMaxY() - height));
        return new Point2D(Math.max(area.getMinX(), x), y);
    }

    private HBox header(Companion companion, Duration demoRefresh) {
        var logo = new Label("DL");
        logo.getStyleClass().add("logo");
        var name = new Label(Messages.get("app.name"));
        name.getStyleClass().add("title-3");
        var server = new Label(describeServer(companion));
        server.setId("serverLabel");
        server.getStyleClass().add(companion.server().local() ? "mode-local" : "mode-remote");
        server.setTooltip(new Tooltip(companion.server().url()));

        var demo = new Button(Messages.get("demo.start"), new FontIcon(Feather.TV));
        demo.setId("demoButton");
        demo.setVisible(companion.server().local());
        demo.managedProperty().bind(demo.visibleProperty());
        demo.setOnAction(e -> {
            try {
                var device = new DemoDevice(companion.demoDeviceClient(), demoRefresh);
                device.stage().initOwner(window);
                device.show();
                placeBeside(device.stage(), window);
            } catch (IOException ex) {
                companion.link().errorProperty().set(Messages.get("demo.cannotStart", ex.getMessage()));
            }
        });

        var account = new MenuButton();
        account.setId("accountMenu");
        account.setGraphic(new FontIcon(Feather.USER));
        Runnable updateAccount = () -> {
            Session session = companion.signIn().sessionProperty().get();
            account.setText(session == null ? Messages.get("account.none") : session.displayName());
            account.getItems().clear();
            if (session != null) {
                var who = new MenuItem(Messages.get("account.signedInAs", session.username()));
                who.setDisable(true);
                account.getItems().add(who);
                account.getItems().add(new SeparatorMenuItem());
                for (var saved : companion.signIn().accounts()) {
                    if (!saved.accountId().equals(session.accountId())) {
                        var item = new MenuItem(Messages.get("account.switchTo", saved.username()));
                        item.setOnAction(e -> companion.signIn().switchTo(saved));
                        account.getItems().add(item);
                    }
                }
                var add = new MenuItem(Messages.get("account.add"));
                add.setId("addAccount");
                add.setOnAction(e -> companion.signIn().signInInteractively());
                var signOut = new MenuItem(Messages.get("account.signOut"));
                signOut.setId("signOut");
                signOut.setOnAction(e -> companion.signIn().signOut());
                account.getItems().addAll(add, signOut);
            }
        };
        companion.signIn().sessionProperty().addListener((o, old, now) -> updateAccount.run());
        companion.signIn().accounts().addListener((ListChangeListener<Object>) c -> updateAccount.run());
        updateAccount.run();

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // a longer language squeezes the header: the chip that says which server wraps, the rest stays whole
        for (Region whole : List.of(logo, name, demo, account)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        server.setWrapText(true);
        server.setMinWidth(120);
        server.setMinHeight(Region.USE_PREF_SIZE);
        var header = new HBox(12, logo, name, server, spacer, demo, account);
        header.setAlignment(Pos.CENTER_LEFT);
        // where even that is too wide (a long language, the narrowest window), the demo button shows only its icon; its
        // name stays as its tooltip and for screen readers
        demo.setTooltip(new Tooltip(demo.getText()));
        demo.setAccessibleText(demo.getText());
        root.widthProperty().addListener((o, was, width) -> {
            demo.setContentDisplay(ContentDisplay.LEFT); // measured in full
            demo.setContentDisplay(header.minWidth(-1) <= width.doubleValue() ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY);
        });
        header.setPadding(new Insets(10, 16, 10, 16));
        header.getStyleClass().add("header");
        return header;
    }

    private static String describeServer(Companion companion) {
        return companion.server().local() ? Messages.get("server.local")
                : Messages.get("server.remote", URI.create(companion.server().url()).getHost());
    }

    private static Tab tab(String text, Feather icon, Parent content, String id) {
        var wrapper = new StackPane(content);
        wrapper.setPadding(new Insets(24));
        wrapper.setAlignment(Pos.TOP_LEFT);
        var tab = new Tab(text, wrapper);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }
}
