package org.devicelink.server.issuer;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.devicelink.server.store.LocalUserStore;

/**
 * Password checks on a small pool of platform threads of their own. A check is half a second of PBKDF2 on one core;
 * on the virtual threads' carriers a few of them would stall every request of the server, here they stall only each
 * other, and a queue past its bound is told to come back.
 */
final class PasswordChecks implements AutoCloseable {

    /** Too many sign-ins are being checked at once: try again in a moment. */
    static final class Busy extends Exception {
        Busy() {
            super(null, null, false, false);
        }
    }

    private final LocalUsers users;
    private final ThreadPoolExecutor pool;

    /** @param threads how many checks run at once (leave cores for everything else); {@code waiting} how many may queue */
    PasswordChecks(LocalUsers users, int threads, int waiting) {
        this.users = users;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(waiting),
                Thread.ofPlatform().name("password-check-", 0).daemon().factory());
    }

    /** The account, if the password is right; the calling (virtual) thread waits without holding a carrier. */
    Optional<LocalUserStore.User> authenticate(String username, char[] password) throws Busy, InterruptedException {
        try {
            return pool.submit(() -> users.authenticate(username, password)).get();
        } catch (RejectedExecutionException e) {
            throw new Busy();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
