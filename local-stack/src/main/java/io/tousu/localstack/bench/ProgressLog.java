package io.tousu.localstack.bench;

import io.tousu.localstack.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;

/** The progress lines of a drill or benchmark: time since it began, the component, the message. */
final class ProgressLog {

    private final PrintStream out;
    private final long began = System.nanoTime();

    ProgressLog(PrintStream out) {
        this.out = out;
    }

    /** One line, e.g. {@code [  12.3s] load  1,000 of 2,000 taken in}. */
    void say(String component, String message) {
        out.println(ProgressListener.format(Duration.ofNanos(System.nanoTime() - began), component, message));
    }

    /** Where the lines and the final table go. */
    PrintStream out() {
        return out;
    }
}
