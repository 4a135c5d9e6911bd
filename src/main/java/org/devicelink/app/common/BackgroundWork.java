package org.devicelink.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;

/**
 * The UI executor: work on {@code workers}, results on {@code uiThread}. The companion uses virtual threads and the
 * JavaFX thread ({@link #onJavaFx()}); tests pass executors that run on the calling thread.
 */
public final class BackgroundWork implements UiExecutor {

    private final Executor workers;
    private final Executor uiThread;

    public BackgroundWork(Executor workers, Executor uiThread) {
        this.workers = workers;
        this.uiThread = uiThread;
    }

    /** Work on virtual threads, results on the JavaFX thread. */
    public static BackgroundWork onJavaFx() {
        return new BackgroundWork(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("devicelink-work-", 0).factory()),
                Platform::runLater);
    }

    @Override
    public <T> void run(BooleanProperty busy, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (busy != null) {
            busy.set(true);
        }
        workers.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) { // an Error too: the screen must never stay disabled
                uiThread.execute(() -> {
                    release(busy);
                    onFailure.accept(e);
                });
                return;
            }
            uiThread.execute(() -> {
                release(busy);
                onSuccess.accept(result);
            });
        });
    }

    @Override
    public void onUi(Runnable update) {
        uiThread.execute(update);
    }

    private static void release(BooleanProperty busy) {
        if (busy != null) {
            busy.set(false);
        }
    }
}
