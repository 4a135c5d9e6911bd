package org.devicelink;

import java.nio.file.Path;
import java.util.Locale;

/** Where DeviceLink keeps its data on each OS; resolved here only, everything else is handed the path. */
public final class DataDirs {

    private DataDirs() {}

    public static Path userDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("DeviceLink");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("DeviceLink");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("devicelink");
    }
}
