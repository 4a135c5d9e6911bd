package org.devicelink;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import org.devicelink.app.CompanionApp;
import org.devicelink.bench.BenchCommand;
import org.devicelink.code.VerificationLink;
import org.devicelink.device.DeviceCommand;
import org.devicelink.i18n.CommandHelp;
import org.devicelink.platform.UserFolders;
import org.devicelink.scan.ScanCommand;
import org.devicelink.server.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code devicelink [LINK] | server | device | scan}: the one entry point of every DeviceLink program. The user's
 * folders are resolved here, once, and handed to each program; each command lives beside its program.
 */
@Command(name = "devicelink", mixinStandardHelpOptions = true, version = "DeviceLink 0.1")
public final class Main implements Callable<Integer> {

    /** The programs besides the companion, by their command names, and the options that list them. */
    private static final Set<String> PROGRAMS = Set.of("server", "device", "scan", "bench");
    private static final Set<String> OTHER_THAN_COMPANION = Set.of("-h", "--help", "-V", "--version", "help");

    private final UserFolders folders;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "LINK", descriptionKey = "link")
    String deepLink;

    @CommandLine.Option(names = "--smoke-test", arity = "0..1", fallbackValue = "0", paramLabel = "SECONDS")
    Integer smokeTest;

    private Main(UserFolders folders) {
        this.folders = folders;
    }

    public static void main(String[] args) throws IOException {
        UserFolders folders = UserFolders.forThisUser();
        if (startsCompanionAtOnce(folders, args)) {
            return;
        }
        // the companion with other options skips building the other programs' commands
        boolean companion = Arrays.stream(args).noneMatch(a -> PROGRAMS.contains(a) || OTHER_THAN_COMPANION.contains(a));
        System.exit((companion ? new CommandLine(new Main(folders)).setResourceBundle(new CommandHelp()) : commandLine(folders))
                .execute(args));
    }

    /**
     * The companion as the menu, a clicked link or a packaging test starts it (nothing, a {@code devicelink:} link,
     * {@code --smoke-test[=SECONDS]}) opens without picocli, whose set-up was a sixth of its start. Anything else,
     * even a mistyped option, returns false and gets picocli's parsing and messages.
     */
    private static boolean startsCompanionAtOnce(UserFolders folders, String[] args) throws IOException {
        String link = null;
        Integer smokeTest = null;
        for (String arg : args) {
            if (link == null && arg.regionMatches(true, 0, VerificationLink.APP_SCHEME + ":", 0, VerificationLink.APP_SCHEME.length()
                    + 1)) {
                link = arg;
            } else if (smokeTest == null && arg.equals("--smoke-test")) {
                smokeTest = 0;
            } else if (smokeTest == null && arg.matches("--smoke-test=[0-9]{1,6}")) {
                smokeTest = Integer.valueOf(arg.substring("--smoke-test=".length()));
            } else {
                return false;
            }
        }
        CompanionApp.launch(folders, link, smokeTest);
        return true;
    }

    /** Every command, for these folders, its help in the program's language (the server's, an operator's, in English). */
    public static CommandLine commandLine(UserFolders folders) {
        return new CommandLine(new Main(folders))
                .addSubcommand(ServerCommand.commandLine(folders))
                .addSubcommand(new DeviceCommand(folders))
                .addSubcommand(new ScanCommand())
                .addSubcommand(new BenchCommand(folders))
                .setResourceBundle(new CommandHelp());
    }

    @Override
    public Integer call() throws IOException {
        CompanionApp.launch(folders, deepLink, smokeTest);
        return 0;
    }
}
