package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./tousu bench footprint}: what each packaged service costs on the machine. On a throw-away
 * stack every service is started again on its own (the others idle) and timed from process start to
 * ready ({@code /q/health/ready}), beside Quarkus' own "started in"; then complaints are sent to
 * intake at a fixed rate for some minutes, which exercises all four services through Kafka, and each
 * JVM's resident memory ({@code VmRSS} and its peak {@code VmHWM} from {@code /proc/<pid>/status}),
 * heap and non-heap are read. Prints a table with the goals: start under 4 s, RSS under 300 MB.
 */
public final class FootprintBenchmark {

    static final String USAGE = """
            Usage: ./tousu bench footprint [options]

            Starts a throw-away stack, restarts each service on its own and times it from process start
            to ready (and Quarkus' "started in"), then sends complaints to intake at a fixed rate, which
            exercises all four services through Kafka, and prints per service: start time, resident
            memory after the load (VmRSS) and its peak (VmHWM), heap used and committed, non-heap,
            threads; goals: start < 4 s, RSS < 300 MB.

              --minutes N        length of the load (default 10)
              --rate N           complaints per second of the load (default 50)
              --jvm-options "…"  the services' JVM options instead of the stack's default
                                 (%s)
              --no-class-sharing start the services without their class-data archives, to compare
              -h, --help         show this help""".formatted(String.join(" ", StackOptions.DEFAULT_JVM_OPTIONS));

    static final double GOAL_START_SECONDS = 4;
    static final double GOAL_RSS_MB = 300;
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** The other services count as idle below this much CPU per second (all their threads together). */
    static final double IDLE_CPU_PER_SECOND = 0.15;
    /** How long a timed start waits at most for the other services to become idle. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

    /**
     * The command line.
     *
     * @param help print the usage and do nothing else
     * @param minutes length of the load
     * @param rate complaints per second
     * @param jvmOptions the services' JVM options; empty for the stack's default
     * @param classDataSharing start the services from their class-data archives (the stack's default)
     */
    record Options(boolean help, int minutes, int rate, List<String> jvmOptions, boolean classDataSharing) {

        Options {
            OptionValues.requireRange("--minutes", minutes, 1, 240);
            OptionValues.requireRange("--rate", rate, 1, 10_000);
            jvmOptions = List.copyOf(jvmOptions);
        }

        static Options parse(String[] args) {
            Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
            boolean help = false;
            int minutes = 10;
            int rate = 50;
            List<String> jvmOptions = List.of();
            boolean classDataSharing = true;
            while (!rest.isEmpty()) {
                String arg = rest.removeFirst();
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (option) {
                    case "-h", "--help" -> help = true;
                    case "--minutes" -> minutes = OptionValues.number(option, OptionValues.value(arg, rest));
                    case "--rate" -> rate = OptionValues.number(option, OptionValues.value(arg, rest));
                    case "--jvm-options" -> jvmOptions = jvmOptions(arg, rest);
                    case "--no-class-sharing" -> classDataSharing = false;
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            return new Options(help, minutes, rate, jvmOptions, classDataSharing);
        }

        /** The value is several options in one argument, so it may itself start with a dash. */
        private static List<String> jvmOptions(String arg, Deque<String> rest) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : rest.pollFirst();
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--jvm-options needs a value, e.g. \"-Xmx128m -XX:+UseSerialGC\"");
            }
            return List.of(value.trim().split("\\s+"));
        }
    }

    /** What was measured of one service. */
    private record Measured(double startSeconds, OptionalDouble quarkusSeconds, double startCpuSeconds, double othersCpuSeconds,
            long rssKb, long peakRssKb, double heapUsed, double heapCommitted, double nonHeapUsed, double threads) {
    }

    private final Options options;
    private final ProgressLog log = new ProgressLog(System.out);
    private final JsonApi api = new JsonApi();

    private FootprintBenchmark(Options options) {
        this.options = options;
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        Options options = BenchLaunch.optionsOrExit("tousu bench footprint", USAGE, args, Options::parse,
                Options::help);
        if (options == null) {
            return;
        }
        StackOptions stackOptions = DrillRun.stackOptions(b -> (options.jvmOptions().isEmpty() ? b
                : b.jvmOptions(options.jvmOptions())).classDataSharing(options.classDataSharing()));
        BenchLaunch.routeLogsOrExit("tousu bench footprint", stackOptions);
        FootprintBenchmark bench = new FootprintBenchmark(options);
        BenchLaunch.runUntilDoneOrCtrlC(() -> DrillRun.run("tousu bench footprint", stackOptions, bench.log,
                bench::measure) ? 0 : BenchLaunch.EXIT_FAILED);
    }

    private boolean measure(Stack stack) throws Exception {
        log.say("bench", String.format(Locale.ROOT, "footprint: each service restarted alone and timed, then %d "
                + "complaints/s for %d min; JVM options %s, class-data archives %s; %s", options.rate(),
                options.minutes(), stack.options().jvmOptions(), options.classDataSharing() ? "on" : "off",
                MachineLoad.describe()));
        stack.finishClassDataTraining();
        Map<Service, Double> start = new EnumMap<>(Service.class);
        Map<Service, OptionalDouble> quarkus = new EnumMap<>(Service.class);
        Map<Service, Double> startCpu = new EnumMap<>(Service.class);
        Map<Service, Double> othersCpu = new EnumMap<>(Service.class);
        for (Service service : stack.services()) {
            stack.stopService(service);
            settleOthers(stack, service);
            double othersBefore = othersCpuSeconds(stack, service);
            long began = System.nanoTime();
            stack.startService(service);
            start.put(service, (System.nanoTime() - began) / 1e9);
            startCpu.put(service, CpuUse.processSeconds(stack.pid(service)));
            othersCpu.put(service, othersCpuSeconds(stack, service) - othersBefore);
            quarkus.put(service, startedIn(stack.logFile(service)));
            log.say(service.shortName(), String.format(Locale.ROOT, "timed start %.1f s, %.1f CPU s; the other services "
                    + "used %.1f CPU s meanwhile; %s", start.get(service), startCpu.get(service), othersCpu.get(service),
                    MachineLoad.describe()));
        }

        IntakeClient intake = new IntakeClient(stack.baseUrl(Service.INTAKE));
        Duration length = Duration.ofMinutes(options.minutes());
        log.say("load", options.rate() + " complaints/s on schedule for " + options.minutes() + " min");
        LatencyStats load = FixedRateLoad.run(intake, ComplaintRequests.random(), options.rate(),
                new PhaseLimit(length, (long) options.rate() * length.toSeconds()), line -> log.say("load", line));
        log.say("load", String.format(Locale.ROOT, "%,d complaints taken in, %,d failed, p99 %.0f ms", load.count(),
                load.errorCount(), load.p99Ms()));
        awaitCaughtUp(stack);

        Map<Service, Measured> measured = new EnumMap<>(Service.class);
        for (Service service : stack.services()) {
            String metrics = api.text(stack.baseUrl(service).resolve("/q/metrics"));
            Map<String, Long> status = procStatus(stack.pid(service));
            measured.put(service, new Measured(start.get(service), quarkus.get(service), startCpu.get(service),
                    othersCpu.get(service), status.get("VmRSS"),
                    status.get("VmHWM"), EscalationBenchmark.sum(metrics, "jvm_memory_used_bytes{area=\"heap\""),
                    EscalationBenchmark.sum(metrics, "jvm_memory_committed_bytes{area=\"heap\""),
                    EscalationBenchmark.sum(metrics, "jvm_memory_used_bytes{area=\"nonheap\""),
                    EscalationBenchmark.sum(metrics, "jvm_threads_live_threads")));
        }
        print(stack, measured, load);
        return true;
    }

    /**
     * Waits until the services other than {@code timed} are idle (under {@link #IDLE_CPU_PER_SECOND} over a second),
     * at most {@link #SETTLE_LIMIT}: right after the stack's start they are still compiling and catching up, and a
     * timed start would share the cores with that instead of being measured alone.
     */
    private void settleOthers(Stack stack, Service timed) throws Exception {
        long began = System.nanoTime();
        long deadline = began + SETTLE_LIMIT.toNanos();
        double last = othersCpuSeconds(stack, timed);
        while (true) {
            Thread.sleep(1000);
            double now = othersCpuSeconds(stack, timed);
            double perSecond = now - last;
            last = now;
            if (perSecond < IDLE_CPU_PER_SECOND) {
                log.say("settle", String.format(Locale.ROOT, "the other services idle (%.2f CPU s/s) after %.0f s",
                        perSecond, (System.nanoTime() - began) / 1e9));
                return;
            }
            if (System.nanoTime() > deadline) {
                log.say("settle", String.format(Locale.ROOT, "the other services still busy (%.2f CPU s/s) after %d s; "
                        + "timing anyway", perSecond, SETTLE_LIMIT.toSeconds()));
                return;
            }
        }
    }

    /** CPU seconds used so far by the running services other than {@code timed}. */
    private static double othersCpuSeconds(Stack stack, Service timed) throws IOException {
        double sum = 0;
        for (Service service : stack.services()) {
            if (service != timed && stack.isRunning(service)) {
                sum += CpuUse.processSeconds(stack.pid(service));
            }
        }
        return sum;
    }

    /** Waits until escalation and reporting have a fact for every complaint intake holds. */
    private void awaitCaughtUp(Stack stack) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (true) {
            Map<String, Long> counts = ExactCounts.counts(stack);
            long intake = counts.get("intake: complaints");
            if (counts.values().stream().allMatch(n -> n == intake)) {
                log.say("catch-up", String.format(Locale.ROOT, "all %,d complaints applied everywhere", intake));
                return;
            }
            if (System.nanoTime() > deadline) {
                log.say("catch-up", "not caught up after " + CATCH_UP_LIMIT.toSeconds() + " s: " + counts
                        + "; measuring anyway");
                return;
            }
            Thread.sleep(1000);
        }
    }

    private void print(Stack stack, Map<Service, Measured> measured, LatencyStats load) {
        var out = log.out();
        out.println();
        out.printf(Locale.ROOT, "%-12s %9s %9s %9s %9s %9s %9s %9s %9s %9s %7s  %-10s %-10s%n", "service", "start s",
                "quarkus s", "cpu s", "others s", "RSS MB", "peak MB", "heap MB", "heap com", "nonheap", "threads", "start<4s", "RSS<300MB");
        boolean anyRssMissed = false;
        for (Map.Entry<Service, Measured> e : measured.entrySet()) {
            Measured m = e.getValue();
            double rssMb = m.rssKb() / 1024.0;
            anyRssMissed |= rssMb >= GOAL_RSS_MB;
            out.printf(Locale.ROOT, "%-12s %9.1f %9s %9.1f %9.1f %9.0f %9.0f %9.0f %9.0f %9.0f %7.0f  %-10s %-10s%n",
                    e.getKey().shortName(), m.startSeconds(),
                    m.quarkusSeconds().isPresent() ? String.format(Locale.ROOT, "%.1f", m.quarkusSeconds().getAsDouble())
                            : "?", m.startCpuSeconds(), m.othersCpuSeconds(),
                    rssMb, m.peakRssKb() / 1024.0, mb(m.heapUsed()), mb(m.heapCommitted()), mb(m.nonHeapUsed()),
                    m.threads(), m.startSeconds() < GOAL_START_SECONDS ? "met" : "missed",
                    rssMb < GOAL_RSS_MB ? "met" : "missed");
        }
        out.println();
        out.printf(Locale.ROOT, "start: process start to /q/health/ready answering 200 (polled every 250 ms), each "
                + "service restarted alone;%n       quarkus s is the service's own \"started in\" (JVM start to "
                + "listening, without the JVM's boot);%n       cpu s is the CPU time the JVM had used when ready "
                + "(user + system, all threads): on a busy machine the wall time grows, this much less;%n"
                + "       before each start the other services are left to become idle (under %.2f CPU s/s, at most %d s); "
                + "others s is the CPU%n       they used during the start%n", IDLE_CPU_PER_SECOND, SETTLE_LIMIT.toSeconds());
        out.printf(Locale.ROOT, "memory after %d min at %d complaints/s (%,d taken in, %,d failed), all consumers "
                + "caught up;%n       RSS = VmRSS, peak = VmHWM of /proc/<pid>/status; heap com = committed heap; "
                + "nonheap = metaspace + code cache + compressed class space%n", options.minutes(), options.rate(),
                load.count(), load.errorCount());
        out.println("JVM options of every service: " + String.join(" ", stack.options().jvmOptions()));
        if (anyRssMissed) {
            out.println("RSS over the goal: compare heap com + nonheap with RSS; the rest is thread stacks, GC and "
                    + "JIT memory, direct buffers and malloc arenas. Try e.g. --jvm-options \"-Xmx128m -XX:+UseSerialGC "
                    + "-XX:MaxMetaspaceSize=... -XX:ReservedCodeCacheSize=... -Xss512k\".");
        }
        out.println("machine: " + MachineLoad.describe() + " (other work on the machine slows starts)");
        out.println();
    }

    /** The seconds of the last "started in 3.123s." line in a Quarkus log, if any. */
    static OptionalDouble startedIn(Path log) {
        try {
            Matcher last = null;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = STARTED_IN.matcher(line);
                if (m.find()) {
                    last = m;
                }
            }
            return last == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(last.group(1)));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** The kB figures of {@code /proc/<pid>/status} (VmRSS, VmHWM, ...). */
    static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> figures = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            String[] parts = line.split(":\\s+", 2);
            if (parts.length == 2 && parts[1].endsWith(" kB")) {
                figures.put(parts[0], Long.parseLong(parts[1].substring(0, parts[1].length() - 3).trim()));
            }
        }
        return figures;
    }

    private static double mb(double bytes) {
        return bytes / 1048576.0;
    }
}
