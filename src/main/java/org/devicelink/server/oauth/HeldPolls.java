package org.devicelink.server.oauth;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.devicelink.server.notify.ApprovalNotifier;

/**
 * Instant completion: a device that asks to wait ({@code Prefer: wait=N}, RFC 7240) has its pending poll held, up to
 * N seconds (never more than this server allows), and answered the moment its code is decided on any node. A held
 * poll is still one poll (paced by {@code slow_down} like any other); it costs no thread and no database connection
 * while it waits: a future, a subscription and a timer.
 */
public final class HeldPolls implements AutoCloseable {

    private static final Pattern WAIT = Pattern.compile("(?i)(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,6})(?:$|[,;\\s])");

    private final ApprovalNotifier notifier;
    private final Duration max;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("held-polls").daemon().factory());
    private final ExecutorService continuations = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<CompletableFuture<Void>> holding = ConcurrentHashMap.newKeySet();

    /** @param max the longest hold: well under a code's lifetime and under common proxies' idle timeouts */
    public HeldPolls(ApprovalNotifier notifier, Duration max) {
        this.notifier = notifier;
        this.max = max;
    }

    Duration max() {
        return max;
    }

    /** How long the client asks to wait, bounded by what this server allows; zero when it does not ask. */
    Duration requested(String prefer) {
        if (prefer == null || prefer.length() > 256 || max.isZero()) {
            return Duration.ZERO;
        }
        var wait = WAIT.matcher(prefer);
        if (!wait.find()) {
            return Duration.ZERO;
        }
        long seconds = Math.min(Long.parseLong(wait.group(1)), max.toSeconds());
        return Duration.ofSeconds(seconds);
    }

    /**
     * Completes, on a virtual thread of its own, when the code named by {@code key} is decided or {@code wait} has passed.
     * {@code stillWaiting} is asked once subscribed: a decision made just before would otherwise be missed.
     */
    CompletableFuture<Void> hold(String key, Duration wait, BooleanSupplier stillWaiting) {
        var done = new CompletableFuture<Void>();
        holding.add(done);
        var subscription = notifier.onDecided(key, () -> done.complete(null));
        var timeout = timers.schedule(() -> done.complete(null), wait.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((v, e) -> {
            holding.remove(done);
            subscription.close();
            timeout.cancel(false);
        });
        if (!stillWaiting.getAsBoolean()) {
            done.complete(null);
        }
        return done.thenApplyAsync(v -> v, continuations);
    }

    /** Answers every held poll now, as its wait had ended: a node that stops sends its devices to poll again elsewhere. */
    public void releaseAll() {
        holding.forEach(done -> done.complete(null));
    }

    /** How many polls this node holds now. */
    public int holding() {
        return holding.size();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        continuations.shutdownNow();
    }
}
