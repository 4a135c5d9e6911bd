package org.devicelink.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;

/** The companion's UI executor: work on virtual threads, results on the JavaFX thread. */
public final class FxExecutor implements UiExecutor {

    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("devicelink-work-", 0).factory());

    @Override
    public <T> void run(BooleanProperty busy, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (busy != null) {
            busy.set(true);
        }
        workers.submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) { // an Error too: the screen must never stay disabled
                Platform.runLater(() -> {
                    release(busy);
                    onFailure.accept(e);
                });
                return;
            }
            Platform.runLater(() -> {
                release(busy);
                onSuccess.accept(result);
            });
        });
    }

    @Override
    public void onUi(Runnable update) {
        Platform.runLater(update);
    }

    private static void release(BooleanProperty busy) {
        if (busy != null) {
            busy.set(false);
        }
    }
}
