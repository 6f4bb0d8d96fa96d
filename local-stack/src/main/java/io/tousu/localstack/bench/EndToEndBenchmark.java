package io.tousu.localstack.bench;

import io.tousu.localstack.ProgressListener;
import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackException;
import io.tousu.localstack.StackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./tousu bench e2e}: the whole suite on a throw-away stack, complaints submitted at a steady
 * rate, and how long each took from submission to being visible in reporting and having its SLA
 * clocks armed in escalation. Those two figures come from the services' own
 * {@code tousu_inbox_delay_seconds} histograms (event occurred in intake -> applied by the consumer),
 * read before and after the phase, so the benchmark adds no polling load of its own. The CPU each
 * process used over the phase ({@link CpuUse}) shows where the machine's cores went per complaint.
 */
public final class EndToEndBenchmark {

    static final String USAGE = """
            Usage: ./tousu bench e2e [options]

            Starts a throw-away stack (Kafka, PostgreSQL and the four services on free ports), warms it
            up, submits complaints to intake at a fixed rate, waits until escalation and reporting have
            applied every one, and prints p50/p99 of: intake's answer, complaint -> SLA clocks armed,
            complaint -> visible in reporting; then the CPU each service, the bench's own JVM (load and
            Kafka) and the rest of the machine used per complaint. Goal: p99 under 2 s at 500 complaints/s.

              --seconds N     length of the measured phase (default 15)
              --rate N        complaints per second (default 200)
              --clients N     clients of the first warm-up (default 16)
              --warm-up N     seconds at --rate before measuring, while the JIT compiles (default 45)
              -h, --help      show this help""";

    private static final int WARM_UP_COMPLAINTS = 300;
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(180);
    private static final double GOAL_P99_MS = 2000;
    private static final String ESCALATION_CONSUMER = "escalation.clocks";
    private static final String REPORTING_CONSUMER = "reporting.complaint-facts";

    private final BenchOptions options;
    private final StackOptions stackOptions;
    private final PrintStream out;
    private final long began = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EndToEndBenchmark(BenchOptions options, StackOptions stackOptions, PrintStream out) {
        this.options = options;
        this.stackOptions = stackOptions;
        this.out = out;
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        BenchOptions options = BenchLaunch.optionsOrExit("tousu bench e2e", USAGE, args, BenchOptions::parse,
                BenchOptions::help);
        if (options == null) {
            return;
        }
        StackOptions stackOptions = StackOptions.builder(BenchLaunch.home()).isolated()
                .progress(ProgressListener.printingTo(System.out)).build();
        BenchLaunch.routeLogsOrExit("tousu bench e2e", stackOptions);
        EndToEndBenchmark bench = new EndToEndBenchmark(options, stackOptions, System.out);
        BenchLaunch.runUntilDoneOrCtrlC(bench::run);
    }

    private int run() {
        say("bench", String.format(Locale.ROOT, "end-to-end benchmark: %d complaints/s for %d s; %s", options.rate(),
                options.seconds(), MachineLoad.describe()));
        Stack stack;
        try {
            stack = Stack.start(stackOptions);
        } catch (StackException e) {
            out.println("tousu bench e2e: the stack did not start (" + e.component() + "): " + e.getMessage());
            return BenchLaunch.EXIT_FAILED;
        }
        try (stack) {
            stack.finishClassDataTraining();
            measure(stack);
            return 0;
        } catch (InterruptedException e) {
            say("bench", "interrupted; stopping the stack");
            return BenchLaunch.EXIT_FAILED;
        } catch (RuntimeException | IOException e) {
            say("bench", "failed: " + e.getMessage() + " (logs in " + stack.logsDir() + ")");
            return BenchLaunch.EXIT_FAILED;
        } finally {
            say("bench", "logs kept in " + stack.logsDir());
        }
    }

    private void measure(Stack stack) throws InterruptedException, IOException {
        IntakeClient intake = new IntakeClient(stack.baseUrl(Service.INTAKE));
        ComplaintRequests requests = ComplaintRequests.random();
        URI escalation = stack.baseUrl(Service.ESCALATION).resolve("/q/metrics");
        URI reporting = stack.baseUrl(Service.REPORTING).resolve("/q/metrics");

        say("warm-up", WARM_UP_COMPLAINTS + " complaints, " + options.clients() + " clients");
        LatencyStats warmUp = ClosedLoopLoad.run(intake, requests, options.clients(),
                new PhaseLimit(Duration.ofSeconds(60), WARM_UP_COMPLAINTS), line -> say("warm-up", line));
        long taken = warmUp.count();
        if (options.warmUp() > 0) {
            // on 2 cores the services run far slower before the JIT has compiled their hot paths
            say("warm-up", options.warmUp() + " s at " + options.rate() + " complaints/s while the JIT compiles the "
                    + "services' hot paths (answers not counted)");
            LatencyStats compiled = FixedRateLoad.run(intake, requests, options.rate(),
                    new PhaseLimit(Duration.ofSeconds(options.warmUp()), (long) options.rate() * options.warmUp()),
                    line -> say("warm-up", line));
            say("warm-up", compiled.count() + " complaints taken in, " + compiled.errorCount() + " not");
            taken += compiled.count();
        }
        awaitApplied(escalation, reporting, taken, DelayHistogram.parse("", ESCALATION_CONSUMER),
                DelayHistogram.parse("", REPORTING_CONSUMER));
        DelayHistogram escalationBefore = DelayHistogram.parse(text(escalation), ESCALATION_CONSUMER);
        DelayHistogram reportingBefore = DelayHistogram.parse(text(reporting), REPORTING_CONSUMER);

        CpuUse.Snapshot cpuBefore = CpuUse.take(stack);
        say("steady", options.rate() + " complaints/s on schedule for " + options.seconds() + " s");
        LatencyStats steady = FixedRateLoad.run(intake, requests, options.rate(),
                new PhaseLimit(Duration.ofSeconds(options.seconds()), (long) options.rate() * options.seconds()),
                line -> say("steady", line));
        say("steady", steady.count() + " complaints taken in, " + steady.errorCount() + " failed");
        DelayHistogram[] after = awaitApplied(escalation, reporting, steady.count(), escalationBefore, reportingBefore);
        CpuUse.Snapshot cpuAfter = CpuUse.take(stack);
        DelayHistogram clocks = after[0].minus(escalationBefore);
        DelayHistogram visible = after[1].minus(reportingBefore);

        out.println();
        out.printf(Locale.ROOT, "%-44s %8s %9s %9s%n", "at " + options.rate() + " complaints/s for " + options.seconds()
                + " s", "count", "p50 ms", "p99 ms");
        out.printf(Locale.ROOT, "%-44s %8d %9.1f %9.1f%n", "intake answers POST /complaints", steady.count(),
                steady.p50Ms(), steady.p99Ms());
        out.printf(Locale.ROOT, "%-44s %8.0f %9.1f %9.1f%n", "complaint -> SLA clocks armed (escalation)",
                clocks.count(), clocks.quantileMs(0.5), clocks.quantileMs(0.99));
        out.printf(Locale.ROOT, "%-44s %8.0f %9.1f %9.1f%n", "complaint -> visible in reporting", visible.count(),
                visible.quantileMs(0.5), visible.quantileMs(0.99));
        out.println();
        CpuUse.print(out, cpuBefore, cpuAfter, steady.count());
        out.println();
        double worst = Math.max(clocks.quantileMs(0.99), visible.quantileMs(0.99));
        out.printf(Locale.ROOT, "end-to-end p99 %.0f ms at %d/s: goal < %.0f ms at 500/s -> %s%n", worst, options.rate(),
                GOAL_P99_MS, verdict(options.rate(), worst, steady.count(), steady.errorCount()));
        out.println("delays are read from each consumer's tousu_inbox_delay_seconds histogram (bucket resolution);");
        out.println("CPU runs from the start of the steady phase until both consumers applied all of it (/proc);");
        out.println("machine: " + MachineLoad.describe() + " (other work on the machine makes the figures noisy)");
        out.println();
    }

    /**
     * The verdict against the goal, saying why when it is not met: the p99, or the complaints intake
     * did not take in (refused, timed out, or never sent because too many were already waiting).
     */
    static String verdict(int rate, double worstP99Ms, long takenIn, long notTakenIn) {
        String p99 = worstP99Ms < GOAL_P99_MS ? null : String.format(Locale.ROOT, "p99 %.0f ms", worstP99Ms);
        String lost = notTakenIn == 0 ? null : String.format(Locale.ROOT, "%,d of %,d not taken in", notTakenIn,
                takenIn + notTakenIn);
        if (p99 == null && lost == null) {
            return rate < 500 ? "met at this lower rate" : "met";
        }
        return "not met (" + (p99 == null ? lost : lost == null ? p99 : p99 + ", " + lost) + ")";
    }

    /** Waits until both consumers applied {@code expected} more events than in their {@code before} snapshots. */
    private DelayHistogram[] awaitApplied(URI escalation, URI reporting, long expected, DelayHistogram escalationBefore,
            DelayHistogram reportingBefore) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        long lastSaid = 0;
        while (true) {
            DelayHistogram e = DelayHistogram.parse(text(escalation), ESCALATION_CONSUMER);
            DelayHistogram r = DelayHistogram.parse(text(reporting), REPORTING_CONSUMER);
            double clocks = e.count() - escalationBefore.count();
            double visible = r.count() - reportingBefore.count();
            if (clocks >= expected && visible >= expected) {
                return new DelayHistogram[] {e, r};
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(Locale.ROOT, "after %d s escalation applied %.0f and "
                        + "reporting %.0f of %d complaints", CATCH_UP_LIMIT.toSeconds(), clocks, visible, expected));
            }
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(5).toNanos()) {
                say("catch-up", String.format(Locale.ROOT, "escalation %.0f, reporting %.0f of %d applied", clocks,
                        visible, expected));
                lastSaid = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    private String text(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }


    private void say(String component, String message) {
        out.println(ProgressListener.format(Duration.ofNanos(System.nanoTime() - began), component, message));
    }
}
