package io.tousu.localstack.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Collects the latencies and failures of one phase from many threads. */
final class LatencyRecorder {

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder errorCount = new LongAdder();
    private long[] latencies = new long[4096];
    private int size;

    /** A successful operation that took {@code nanos}. */
    synchronized void success(long nanos) {
        if (size == latencies.length) {
            latencies = Arrays.copyOf(latencies, size * 2);
        }
        latencies[size++] = nanos;
    }

    /** A failed operation, by kind such as {@code HTTP 503} or {@code timeout}. */
    void failure(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        errorCount.increment();
    }

    /** Successful operations so far. */
    synchronized long successes() {
        return size;
    }

    /** Failed operations so far. */
    long failures() {
        return errorCount.sum();
    }

    /** The phase's figures, for a phase that took {@code elapsed}. */
    synchronized LatencyStats stats(Duration elapsed) {
        Map<String, Long> byKind = new TreeMap<>();
        errors.forEach((kind, n) -> byKind.put(kind, n.sum()));
        return LatencyStats.of(Arrays.copyOf(latencies, size), byKind, elapsed);
    }
}
