package org.devicelink.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;

/**
 * How view models get work done off the UI thread and results back on it. The companion runs work on virtual threads
 * and results on the JavaFX thread ({@link BackgroundWork#onJavaFx()}); tests run both on the calling thread, so a view model is
 * tested without a window. View models never touch {@code Platform} themselves.
 */
public interface UiExecutor {

    /**
     * Runs {@code work} off the UI thread, then {@code onSuccess} or {@code onFailure} on it. {@code busy} (may be null)
     * is true from now until just before either is called, and is released whatever {@code work} throws, errors too.
     */
    <T> void run(BooleanProperty busy, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code update} on the UI thread, later (a push from a background source). */
    void onUi(Runnable update);
}
