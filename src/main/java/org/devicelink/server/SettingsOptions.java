package org.devicelink.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devicelink.platform.UserFolders;
import picocli.CommandLine.Option;

/** Where a server's settings come from, as options: shared by {@code server} and the commands that manage it. */
final class SettingsOptions {
    @Option(names = "--data-dir", description = "Data folder (default: the user's data folder).")
    Path dataDir;
    @Option(names = "--config", description = "Settings file (default: DATA_DIR/server.properties when present).")
    Path settingsFile;
    @Option(names = "--set", description = "Any setting, as KEY=VALUE (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The settings these options name, with {@code more} on top. */
    ServerConfig load(UserFolders folders, Map<String, String> more) {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        flags.putAll(more);
        if (dataDir != null) {
            flags.put(Setting.DATA_DIR.key(), dataDir.toString());
        }
        return ServerConfig.load(folders.data(), settingsFile, System.getenv(), flags);
    }
}
