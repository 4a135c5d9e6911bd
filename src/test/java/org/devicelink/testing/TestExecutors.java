package org.devicelink.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import org.devicelink.app.common.BackgroundWork;
import org.devicelink.app.common.UiExecutor;

/** The companion's UI executor for view-model tests: no JavaFX toolkit, no threads. */
public final class TestExecutors {

    private TestExecutors() {}

    /** Runs the work and its result on the calling thread, at once. */
    public static UiExecutor callingThread() {
        return new BackgroundWork(Runnable::run, Runnable::run);
    }

    /** Holds the work until {@link #finish()}: what a screen looks like while a request runs. Results come at once. */
    public static final class Held {
        private final Queue<Runnable> work = new ArrayDeque<>();
        public final UiExecutor executor = new BackgroundWork(work::add, Runnable::run);

        /** Lets the held work run, and whatever it starts. */
        public void finish() {
            Runnable next;
            while ((next = work.poll()) != null) {
                next.run();
            }
        }

        public int waiting() {
            return work.size();
        }
    }
}
