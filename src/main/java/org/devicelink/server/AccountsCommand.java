package org.devicelink.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.devicelink.platform.UserFolders;
import org.devicelink.protocol.Role;
import org.devicelink.server.issuer.LocalUsers;
import org.devicelink.server.store.LocalUserStore;
import org.devicelink.server.store.Sql;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devicelink server accounts list|add|remove}: the local sign-in provider's accounts. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Manage the local sign-in provider's accounts (on H2, with the server stopped; on PostgreSQL, any time).")
final class AccountsCommand {

    static CommandLine commandLine(UserFolders folders) {
        return new CommandLine(new AccountsCommand())
                .addSubcommand(new ListAccounts(folders))
                .addSubcommand(new Add(folders))
                .addSubcommand(new Remove(folders));
    }

    private static LocalUsers users(Sql sql) {
        return new LocalUsers(new LocalUserStore(sql), Clock.systemUTC(), new SecureRandom());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListAccounts extends DatabaseCommand {
        ListAccounts(UserFolders folders) {
            super("accounts", folders);
        }

        @Override
        public Integer call() {
            return on(AccountsCommand::users, users -> {
                System.out.printf("%-20s %-10s %-30s %s%n", "USERNAME", "ROLE", "NAME", "FAMILY");
                for (var user : users.list()) {
                    System.out.printf("%-20s %-10s %-30s %s%n", user.username(), user.role().wire(), user.displayName(),
                            user.familyId() == null ? "-" : user.familyId().substring(0, 8));
                }
                return 0;
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account. The password is read from the console, or from standard input with --password-stdin.")
    static final class Add extends DatabaseCommand {
        @Parameters(index = "0", description = "Username (letters, digits, . _ -).")
        String username;
        @Option(names = "--name", required = true, description = "Display name.")
        String displayName;
        @Option(names = "--role", defaultValue = "member", description = "member, organizer (runs a family), child or support (default "
                + "member).")
        String role;
        @Option(names = "--email", description = "Where the account's notices go (a new device linked, a child's request).")
        String email;
        @Option(names = "--family", description = "For a child: the username of the family's organizer.")
        String family;
        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordFromStdin;

        Add(UserFolders folders) {
            super("accounts", folders);
        }

        @Override
        public Integer call() throws IOException {
            var chosen = Role.fromWire(role);
            if (chosen.isEmpty()) {
                return refuse("role must be one of " + Arrays.stream(Role.values()).map(Role::wire).toList() + ", not '" + role + "'.");
            }
            char[] password = readPassword();
            if (password == null) {
                return 2;
            }
            return on(AccountsCommand::users, users -> {
                var user = users.add(username, displayName, email, password, chosen.get(), family);
                Arrays.fill(password, '\0');
                System.out.println("Added " + user.username() + " (" + user.role().wire() + ").");
                return 0;
            });
        }

        private char[] readPassword() throws IOException {
            if (passwordFromStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? new char[0] : line.toCharArray();
            }
            var console = System.console();
            if (console == null) {
                refuse("no console to ask for the password; use --password-stdin.");
                return null;
            }
            char[] first = console.readPassword("Password for %s: ", username);
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
                System.err.println("The two passwords differ; nothing was added.");
                return null;
            }
            return first;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account.")
    static final class Remove extends DatabaseCommand {
        @Parameters(index = "0", description = "Username.")
        String username;

        Remove(UserFolders folders) {
            super("accounts", folders);
        }

        @Override
        public Integer call() {
            return on(AccountsCommand::users, users -> {
                if (!users.remove(username)) {
                    System.err.println("There is no account named '" + username + "'.");
                    return 1;
                }
                System.out.println("Removed " + username + ".");
                return 0;
            });
        }
    }
}
