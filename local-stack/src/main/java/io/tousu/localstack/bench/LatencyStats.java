package io.tousu.localstack.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * What one phase measured: successful operations per second over the phase, latency percentiles of
 * the successful ones, and the failures by kind.
 *
 * @param count successful operations
 * @param errors failed operations, by kind (e.g. {@code HTTP 503}, {@code timeout}); counted apart from latencies
 * @param elapsed how long the phase took
 * @param meanMs mean latency in milliseconds (0 without operations)
 * @param p50Ms median latency in milliseconds
 * @param p90Ms 90th percentile latency in milliseconds
 * @param p99Ms 99th percentile latency in milliseconds
 * @param maxMs highest latency in milliseconds
 */
public record LatencyStats(long count, Map<String, Long> errors, Duration elapsed, double meanMs, double p50Ms,
        double p90Ms, double p99Ms, double maxMs) {

    public LatencyStats {
        errors = Map.copyOf(errors);
    }

    /**
     * Summarises the latencies (nanoseconds, any order) of the successful operations of a phase.
     * The array is sorted in place.
     */
    public static LatencyStats of(long[] latenciesNanos, Map<String, Long> errors, Duration elapsed) {
        Arrays.sort(latenciesNanos);
        double mean = latenciesNanos.length == 0 ? 0 : Arrays.stream(latenciesNanos).average().orElse(0);
        return new LatencyStats(latenciesNanos.length, errors, elapsed, millis(mean),
                millis(percentile(latenciesNanos, 50)), millis(percentile(latenciesNanos, 90)),
                millis(percentile(latenciesNanos, 99)), millis(percentile(latenciesNanos, 100)));
    }

    /**
     * The {@code p}-th percentile of sorted values by the nearest-rank method: the smallest value
     * such that at least {@code p} percent of the values are at or below it; 0 for no values.
     *
     * @param sorted values in ascending order
     * @param p a percentage above 0 and at most 100
     */
    public static long percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be above 0 and at most 100: " + p);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Successful operations per second over the phase. */
    public double ratePerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
    }

    /** All failed operations. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double millis(double nanos) {
        return nanos / 1e6;
    }
}
