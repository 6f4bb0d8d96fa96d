package io.tousu.localstack.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine a benchmark ran on, for its report: cores and load average (other work skews figures). */
final class MachineLoad {

    private MachineLoad() {
    }

    /** For example {@code 2 cores, load average 1.3}. */
    static String describe() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%d cores, load average %s", Runtime.getRuntime().availableProcessors(),
                load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load));
    }
}
