package org.devicelink.app.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * {@code companion.properties} in the data folder. Every change reads the file, changes what it changes, and writes
 * it back, one change at a time, so a choice made in passing (the camera, the theme, a moved port) is never lost to
 * another made elsewhere.
 */
public final class SettingsFile {

    private final Path dataDir;

    public SettingsFile(Path dataDir) {
        this.dataDir = dataDir;
    }

    public AppSettings load() {
        return AppSettings.load(dataDir);
    }

    /** Applies {@code change} to the settings as they are on disk now, and saves them; returns what was saved. */
    public synchronized AppSettings update(UnaryOperator<AppSettings> change) throws IOException {
        AppSettings changed = change.apply(load());
        changed.save(dataDir);
        return changed;
    }

    public Path path() {
        return dataDir.resolve(AppSettings.FILE);
    }
}
