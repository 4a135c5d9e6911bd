package org.devicelink.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** A progress bar on the terminal's error stream, with the request rate, redrawn twice a second until closed. */
final class Progress implements AutoCloseable {

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** @param current how far along, out of {@code total}; {@code requests} how many requests so far */
    Progress(String what, int total, IntSupplier current, LongSupplier requests, Executor threads) {
        threads.execute(() -> {
            long lastCount = 0;
            long lastAt = System.nanoTime();
            while (!done.isDone()) {
                int now = Math.min(total, current.getAsInt());
                int filled = total == 0 ? 30 : now * 30 / total;
                long count = requests.getAsLong();
                long at = System.nanoTime();
                double rate = (count - lastCount) / ((at - lastAt) / 1e9);
                lastCount = count;
                lastAt = at;
                System.err.printf("\r%s [%s%s] %d/%d  %,.0f req/s   ", what, "#".repeat(filled), ".".repeat(30 - filled), now, total, rate);
                try {
                    done.get(500, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // next frame
                }
            }
            System.err.println();
        });
    }

    @Override
    public void close() {
        done.complete(null);
    }
}
