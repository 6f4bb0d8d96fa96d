package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase: each service's JVM, the benchmark's own JVM split
 * into its load generator (the HTTP client's threads and the pacing main thread) and the rest of
 * it (the Kafka broker, which the stack runs in it, with the JVM's GC and compilers), and the rest
 * of the machine (PostgreSQL above all), read from {@code /proc}. Divided by the complaints of the
 * phase it gives a cost per complaint that, unlike latency past capacity, does not swing with
 * queueing; the load generator's share is the measurement's, not the suite's.
 */
final class CpuUse {

    /** The label of the benchmark JVM's load generator threads. */
    static final String LOAD = "load generator (bench JVM)";
    /** The label of the rest of the benchmark's own JVM. */
    static final String BENCH = "Kafka broker, GC, JIT (bench JVM)";
    /** The label of what the machine used besides the stack's JVMs. */
    static final String REST = "rest (PostgreSQL, OS)";
    /** Clock ticks per second of {@code /proc} figures (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    /** CPU seconds used so far by each process, and by the whole machine. */
    record Snapshot(Map<String, Double> seconds, double machineSeconds, long nanos) {
    }

    private CpuUse() {
    }

    /** The CPU seconds used so far by the stack's running services, this JVM and the machine. */
    static Snapshot take(Stack stack) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            if (stack.isRunning(service)) {
                seconds.put(service.shortName(), processSeconds(stack.pid(service)));
            }
        }
        long self = ProcessHandle.current().pid();
        double load = loadSeconds(self);
        seconds.put(LOAD, load);
        seconds.put(BENCH, processSeconds(self) - load);
        return new Snapshot(seconds, machineSeconds(Files.readString(Path.of("/proc/stat"))), System.nanoTime());
    }

    /** CPU time (user + system) a process has used, from {@code /proc/<pid>/stat}. */
    static double processSeconds(long pid) throws IOException {
        return ticksSeconds(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
    }

    /** User plus system time of a process's or a thread's {@code stat} line, in seconds. */
    static double ticksSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3, utime field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }

    /**
     * CPU time the load generator's threads of a process have used: the JDK HTTP client's selector
     * and workers, and the main thread, which paces the requests and builds their bodies. (A thread
     * that ended takes its time out of this sum and into the process's rest.)
     */
    static double loadSeconds(long pid) throws IOException {
        double seconds = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                if (isLoadThread(threadName(stat))) {
                    seconds += ticksSeconds(stat);
                }
            }
        }
        return seconds;
    }

    /** The thread's name in a {@code stat} line (the kernel keeps its first 15 characters). */
    static String threadName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** The HTTP client's threads, and the main thread: the kernel knows it by the launcher's name, {@code java}. */
    static boolean isLoadThread(String name) {
        return name.equals("java") || name.startsWith("HttpClient-");
    }

    /** Busy CPU time of the whole machine from the {@code cpu} line of {@code /proc/stat}: all but idle and iowait. */
    static double machineSeconds(String procStat) {
        String[] fields = procStat.lines().filter(line -> line.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cpu line in /proc/stat")).trim().split("\\s+");
        long busy = 0;
        // user nice system idle iowait irq softirq steal (guest time is already counted in user)
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy / TICKS;
    }

    /**
     * The CPU each process used between the two snapshots, as CPU seconds, average cores and
     * milliseconds per complaint; the rest is the machine's busy time the listed JVMs do not account for.
     */
    static Map<String, Double> used(Snapshot before, Snapshot after) {
        Map<String, Double> used = new LinkedHashMap<>();
        double listed = 0;
        for (Map.Entry<String, Double> entry : after.seconds().entrySet()) {
            Double was = before.seconds().get(entry.getKey());
            if (was != null) {
                double seconds = entry.getValue() - was;
                used.put(entry.getKey(), seconds);
                listed += seconds;
            }
        }
        used.put(REST, Math.max(0, after.machineSeconds() - before.machineSeconds() - listed));
        return used;
    }

    /** Prints the table of {@link #used} for a phase in which {@code complaints} were taken in. */
    static void print(PrintStream out, Snapshot before, Snapshot after, long complaints) {
        Map<String, Double> used = used(before, after);
        double wall = (after.nanos() - before.nanos()) / 1e9;
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        out.printf(Locale.ROOT, "%-44s %8s %9s %9s%n", String.format(Locale.ROOT, "CPU over %.0f s, %d complaints",
                wall, complaints), "CPU s", "cores", "ms/compl");
        used.forEach((name, seconds) -> out.printf(Locale.ROOT, "%-44s %8.1f %9.2f %9.2f%n", name, seconds,
                seconds / wall, complaints == 0 ? 0 : seconds * 1000 / complaints));
        out.printf(Locale.ROOT, "%-44s %8.1f %9.2f %9.2f%n", "all", total, total / wall,
                complaints == 0 ? 0 : total * 1000 / complaints);
    }
}
