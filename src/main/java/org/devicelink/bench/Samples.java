package org.devicelink.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.devicelink.i18n.Messages;

/**
 * Every timed call of a run, by operation: when it started (ms into the run) and how long it took (µs), and whether
 * the server answered as expected. Kept whole, so percentiles are exact and latency can be drawn over time.
 */
final class Samples {

    /** An operation's name as a person reads it; its id ("held poll → tokens") is what the CSV keeps. */
    static String name(String operation) {
        return Messages.get("bench.op." + operation.replace(" → ", "-").replace(' ', '-'));
    }

    /** One operation's samples, packed as start-ms << 32 | latency-µs; appended under its own lock. */
    static final class Operation {
        final String name;
        private long[] packed = new long[1 << 12];
        private int size;
        final LongAdder failures = new LongAdder();
        final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

        Operation(String name) {
            this.name = name;
        }

        synchronized void add(long startMillis, long micros) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = startMillis << 32 | Math.min(micros, 0xFFFF_FFFFL);
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(packed, size);
        }

        synchronized int count() {
            return size;
        }

        /** Counts how the server answered (status or OAuth error), for the summary. */
        void answered(String answer) {
            answers.computeIfAbsent(answer, a -> new LongAdder()).increment();
        }

        /** An answer that was an error: its message, cut short so that the table stays readable. */
        void failedWith(String message) {
            answered(message == null ? "(no message)" : message.length() > 100 ? message.substring(0, 100) + "…" : message);
        }
    }

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final long startNanos = System.nanoTime();

    Operation operation(String name) {
        return operations.computeIfAbsent(name, n -> {
            order.add(n);
            return new Operation(n);
        });
    }

    long nowMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    long nanos() {
        return System.nanoTime();
    }

    /** Records a call that began at {@code startNanos} (from {@link #nanos()}) and ended now. */
    void record(String operation, long startNanos) {
        long end = System.nanoTime();
        operation(operation).add((startNanos - this.startNanos) / 1_000_000, (end - startNanos) / 1_000);
    }

    /** Milliseconds into the run at {@code nanos} (from {@link #nanos()}). */
    long millisAt(long nanos) {
        return (nanos - startNanos) / 1_000_000;
    }

    int total() {
        return operations.values().stream().mapToInt(Operation::count).sum();
    }

    /** The figures of one operation over the samples that started from {@code fromMillis} on (the warm-up left out). */
    record Summary(String operation, int count, double perSecond, double p50Millis, double p99Millis, double maxMillis,
                   long failures, Map<String, Long> answers) {}

    List<Summary> summaries(long fromMillis, long toMillis) {
        var result = new ArrayList<Summary>();
        for (String name : order) {
            Operation op = operations.get(name);
            long[] latencies = Arrays.stream(op.snapshot()).filter(p -> (p >>> 32) >= fromMillis && (p >>> 32) < toMillis)
                    .map(p -> p & 0xFFFF_FFFFL).sorted().toArray();
            var answers = new LinkedHashMap<String, Long>();
            op.answers.forEach((k, v) -> answers.put(k, v.sum()));
            double seconds = Math.max(0.001, (toMillis - fromMillis) / 1000.0);
            result.add(new Summary(name, latencies.length, latencies.length / seconds, percentile(latencies, 0.50),
                    percentile(latencies, 0.99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0,
                    op.failures.sum(), answers));
        }
        return result;
    }

    static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(p * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    /** Per operation and second of the run: p50 and p99 in ms (for the plot). */
    Map<String, double[][]> perSecond(long toMillis) {
        var series = new LinkedHashMap<String, double[][]>();
        int seconds = (int) Math.max(1, (toMillis + 999) / 1000);
        for (String name : order) {
            if (operations.get(name).count() == 0) {
                continue; // nothing to draw: an operation that only failed
            }
            var buckets = new ArrayList<List<Long>>();
            for (int i = 0; i < seconds; i++) {
                buckets.add(new ArrayList<>());
            }
            for (long p : operations.get(name).snapshot()) {
                int second = (int) ((p >>> 32) / 1000);
                if (second < seconds) {
                    buckets.get(second).add(p & 0xFFFF_FFFFL);
                }
            }
            double[][] points = new double[seconds][];
            for (int i = 0; i < seconds; i++) {
                long[] sorted = buckets.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
                points[i] = sorted.length == 0 ? null : new double[] {percentile(sorted, 0.5), percentile(sorted, 0.99)};
            }
            series.put(name, points);
        }
        return series;
    }

    /** Every sample as CSV: operation, start (ms into the run), latency (ms). */
    void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("operation,start_ms,latency_ms\n");
            for (String name : order) {
                for (long p : operations.get(name).snapshot()) {
                    out.write(name + "," + (p >>> 32) + "," + (p & 0xFFFF_FFFFL) / 1000.0 + "\n");
                }
            }
        }
    }
}
