package io.tousu.localstack.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reports a running phase every {@link #INTERVAL}: time so far, operations done, the rate over the
 * last interval, and errors when they are known, e.g. {@code 4 s of 15: 1234 complaints, 310/s now, 0 errors}.
 */
final class PhaseProgress implements AutoCloseable {

    /** How often a line is printed. */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tousu-bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final long began = System.nanoTime();
    private long lastDone;
    private long lastAt = began;

    /**
     * Starts reporting.
     *
     * @param sink where each line goes
     * @param planned the phase's planned length
     * @param unit what is counted, e.g. {@code complaints}
     * @param done operations done so far
     * @param errors failed operations so far; null when unknown while the phase runs
     */
    PhaseProgress(Consumer<String> sink, Duration planned, String unit, LongSupplier done, LongSupplier errors) {
        timer.scheduleAtFixedRate(() -> sink.accept(line(planned, unit, done.getAsLong(),
                errors == null ? null : errors.getAsLong())), INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized String line(Duration planned, String unit, long done, Long errors) {
        long now = System.nanoTime();
        double rate = (done - lastDone) / ((now - lastAt) / 1e9);
        lastDone = done;
        lastAt = now;
        return String.format(Locale.ROOT, "%d s of %d: %d %s, %.0f/s now%s", Math.round((now - began) / 1e9),
                planned.toSeconds(), done, unit, rate, errors == null ? "" : ", " + errors + " errors");
    }

    /** Stops reporting. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
