package org.devicelink.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;

/**
 * Work off the JavaFX thread, results back on it: every network call of the companion goes through here, with a
 * {@code busy} flag the views bind their progress indicators and disabled states to.
 */
public final class Background {

    private static final ExecutorService WORKERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("devicelink-work-", 0).factory());

    private Background() {}

    public static <T> void run(BooleanProperty busy, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        if (busy != null) {
            busy.set(true);
        }
        WORKERS.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (busy != null) {
                        busy.set(false);
                    }
                    onSuccess.accept(result);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    if (busy != null) {
                        busy.set(false);
                    }
                    onFailure.accept(e);
                });
            }
        });
    }
}
