package org.devicelink.server;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.devicelink.platform.UserFolders;
import org.devicelink.protocol.DisplayText;
import org.devicelink.server.store.DeviceAppStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devicelink server apps list|add|remove}: the device apps (OAuth public clients) whose devices may link. */
@Command(name = "apps", mixinStandardHelpOptions = true,
        description = "Manage the registered device apps: a device presenting any other client_id is refused.")
final class AppsCommand {

    static CommandLine commandLine(UserFolders folders) {
        return new CommandLine(new AppsCommand())
                .addSubcommand(new ListApps(folders))
                .addSubcommand(new Add(folders))
                .addSubcommand(new Remove(folders));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the device apps.")
    static final class ListApps extends DatabaseCommand {
        ListApps(UserFolders folders) {
            super("apps", folders);
        }

        @Override
        public Integer call() {
            return on(DeviceAppStore::new, apps -> {
                System.out.printf("%-24s %-32s %s%n", "CLIENT ID", "NAME", "SCOPES");
                for (var app : apps.all()) {
                    System.out.printf("%-24s %-32s %s%n", app.clientId(), app.displayName(), String.join(" ", app.allowedScopes()));
                }
                return 0;
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a device app, or change a registered one.")
    static final class Add extends DatabaseCommand {
        @Parameters(index = "0", description = "The client_id its devices send (letters, digits, . _ -).")
        String clientId;
        @Option(names = "--name", required = true, description = "The name people see on the approval screen.")
        String displayName;
        @Option(names = "--scopes", required = true, description = "The scopes its devices may ask for, space-separated.")
        String scopes;
        @Option(names = "--max-devices", description = "Most devices one account may link for this app (default: only "
                + "devices.max-per-account).")
        Integer maxDevices;
        @Option(names = "--one-active", description = "One console at a time per account: linking another signs the older out.")
        boolean oneActive;

        Add(UserFolders folders) {
            super("apps", folders);
        }

        @Override
        public Integer call() {
            if (!clientId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                return refuse("a client id is 1 to 64 letters, digits, '.', '_' or '-'.");
            }
            if (displayName.isBlank() || displayName.length() > 128 || !DisplayText.showable(displayName)) {
                return refuse("give a name of 1 to 128 characters.");
            }
            List<String> allowed = List.copyOf(new LinkedHashSet<>(Arrays.asList(scopes.strip().split("\\s+"))));
            // RFC 6749 §3.3 scope tokens: printable ASCII but space, " and \
            if (scopes.length() > 512 || allowed.stream().anyMatch(s -> !s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"))) {
                return refuse("scopes are RFC 6749 scope tokens, space-separated, 512 characters at most.");
            }
            if (maxDevices != null && (maxDevices < 1 || maxDevices > 10_000)) {
                return refuse("--max-devices is 1 to 10000.");
            }
            return on(DeviceAppStore::new, apps -> {
                apps.put(new DeviceAppStore.App(clientId, displayName.strip(), allowed, maxDevices, oneActive));
                System.out.println("Registered " + clientId + " (" + String.join(" ", allowed) + ").");
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a device app that no device uses.")
    static final class Remove extends DatabaseCommand {
        @Parameters(index = "0", description = "Its client id.")
        String clientId;

        Remove(UserFolders folders) {
            super("apps", folders);
        }

        @Override
        public Integer call() {
            return on(DeviceAppStore::new, apps -> {
                if (!apps.removeUnused(clientId)) {
                    System.err.println("No unused app '" + clientId + "': it is not registered, or devices are linked or waiting with it.");
                    return 1;
                }
                System.out.println("Removed " + clientId + ".");
                return 0;
            });
        }
    }
}
