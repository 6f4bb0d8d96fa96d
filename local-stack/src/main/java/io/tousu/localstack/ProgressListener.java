package io.tousu.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Hears what the stack is doing while it starts and stops, one line per step. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * One step done or begun.
     *
     * @param elapsed time since the stack began starting (or stopping)
     * @param component {@code kafka}, {@code postgresql}, {@code intake}, ...
     * @param message what happened, e.g. {@code ready on 127.0.0.1:9092 (2.9 s)}
     */
    void progress(Duration elapsed, String component, String message);

    /** Hears nothing. */
    static ProgressListener silent() {
        return (elapsed, component, message) -> { };
    }

    /** Prints each step as a {@link #format formatted} line. */
    static ProgressListener printingTo(PrintStream out) {
        return (elapsed, component, message) -> out.println(format(elapsed, component, message));
    }

    /** {@code [ 3.2s] kafka        ready on 127.0.0.1:9092 (2.9 s)} */
    static String format(Duration elapsed, String component, String message) {
        return String.format(Locale.ROOT, "[%4.1fs] %-12s %s", elapsed.toMillis() / 1000.0, component, message);
    }
}
